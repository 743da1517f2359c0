import { describe, expect, it } from "vitest";
import { PACKS } from "@/lib/pricing";
import { itemName } from "./names";
import { translatorFor } from "./translate";

describe("itemName", () => {
  it("names every pack by its API and calls, never by its id", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const t = translatorFor(locale);
      for (const pack of PACKS) {
        const name = itemName(t, pack.id);
        expect(name).not.toContain(pack.id);
        expect(name).not.toContain(pack.api);
        expect(name).not.toMatch(/:\d+[km]?\b/);
      }
    }
  });

  it("reads as a name in both languages", () => {
    expect(itemName(translatorFor("en"), "body.detection:10k")).toBe("Body detection and attributes pack · 10,000 calls");
    expect(itemName(translatorFor("zh-CN"), "body.detection:10k")).toBe("人体检测与属性分析资源包 · 10,000 次");
  });
});
