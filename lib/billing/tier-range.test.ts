import { describe, expect, it } from "vitest";
import { tierForMonthTotal, tiersOf, API_IDS } from "@/lib/pricing";
import { tierRange } from "./tier-range";

describe("tierRange", () => {
  it("turns exclusive upper bounds into the last call inside the tier (SPEC §2.3, processing)", () => {
    expect(tierRange("processing.quality", 1)).toEqual({ tier: 1, from: 0, to: 999_999 });
    expect(tierRange("processing.quality", 2)).toEqual({ tier: 2, from: 1_000_000, to: 2_999_999 });
    expect(tierRange("processing.quality", 4)).toEqual({ tier: 4, from: 15_000_000, to: null });
  });

  it("keeps inclusive upper bounds and starts the next tier one call later (scan, body)", () => {
    expect(tierRange("scan.code-recognition", 1)).toEqual({ tier: 1, from: 0, to: 10_000 });
    expect(tierRange("scan.code-recognition", 2)).toEqual({ tier: 2, from: 10_001, to: 100_000 });
    expect(tierRange("body.detection", 3)).toEqual({ tier: 3, from: 15_000_001, to: null });
  });

  it("agrees with the tier the pricing module picks, at every edge of every API", () => {
    for (const api of API_IDS) {
      for (const tier of tiersOf(api)) {
        const range = tierRange(api, tier.number);
        expect(tierForMonthTotal(api, Math.max(range.from, 1)).number).toBe(tier.number);
        if (range.to !== null) {
          expect(tierForMonthTotal(api, range.to).number).toBe(tier.number);
          expect(tierForMonthTotal(api, range.to + 1).number).toBe(tier.number + 1);
        }
      }
    }
  });

  it("refuses a tier the API does not have", () => {
    expect(() => tierRange("processing.crop", 9)).toThrow(RangeError);
  });
});
