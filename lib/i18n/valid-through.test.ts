import { describe, expect, it } from "vitest";
import { translatorFor } from "./translate";
import { validThrough } from "./valid-through";

describe("validThrough", () => {
  it("gives the last day, and the time of day when the end is not midnight, with no second 'until'", () => {
    const at = new Date("2027-11-06T11:00:00+08:00");
    expect(validThrough(translatorFor("en"), "en", at)).toBe("Nov 6, 2027, 11:00");
    expect(validThrough(translatorFor("zh-CN"), "zh-CN", at)).toBe("2027年11月6日 11:00");
    expect(validThrough(translatorFor("en"), "en", new Date("2027-01-01T00:00:00+08:00"))).toBe("Dec 31, 2026");
  });
});
