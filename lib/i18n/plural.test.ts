import { describe, expect, it } from "vitest";
import { catalogs, createTranslator, formatPlurals } from "./translate";
import { formatValidThrough } from "./format-date";

describe("plural messages (ICU form, Intl.PluralRules)", () => {
  it("picks one and other in English, # is the number", () => {
    expect(formatPlurals("{count, plural, one {# bill} other {# bills}}", { count: 1 }, "en")).toBe("1 bill");
    expect(formatPlurals("{count, plural, one {# bill} other {# bills}}", { count: 0 }, "en")).toBe("0 bills");
    expect(formatPlurals("{count, plural, one {# bill} other {# bills}}", { count: 1234 }, "en")).toBe("1,234 bills");
  });
  it("exact =0 first, text around kept, other placeholders still filled", () => {
    const t = createTranslator({ ...catalogs.en, "bills.count": "Shown: {count, plural, =0 {none} one {# bill} other {# bills}} for {who}" }, "en");
    expect(t("bills.count", { count: 0, who: "you" })).toBe("Shown: none for you");
    expect(t("bills.count", { count: 2, who: "you" })).toBe("Shown: 2 bills for you");
  });
  it("the catalogs say 1 bill and 1 account shown", () => {
    const t = createTranslator(catalogs.en, "en");
    expect(t("bills.count", { count: 1 })).toBe("1 bill");
    expect(t("staff.count", { count: 1 })).toBe("1 account shown");
    expect(t("staff.count", { count: 3 })).toBe("3 accounts shown");
  });
});

describe("validity: valid through the last Beijing day", () => {
  const throughTime = (date: string, time: string) => `${date}, until ${time}`;
  it("an expiry at Beijing midnight is valid through the day before", () => {
    expect(formatValidThrough("en", new Date("2027-01-01T00:00:00+08:00"), throughTime)).toBe("Dec 31, 2026");
    expect(formatValidThrough("en", new Date("2026-12-01T00:00:00+08:00"), throughTime)).toBe("Nov 30, 2026");
  });
  it("an expiry during the day keeps its time on that last day", () => {
    expect(formatValidThrough("en", new Date("2027-11-30T14:23:00+08:00"), throughTime)).toBe("Nov 30, 2027, until 14:23");
  });
});
