import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_IDS } from "./catalog/products";
import { Dec } from "./decimal";
import { priceLine } from "./line";
import { tierForMonthTotal } from "./tiers";

describe("a bill line's amount and formula (SPEC §7.1)", () => {
  it("writes the formula with U+2212 and U+00D7, packs before free", () => {
    expect(priceLine({ calls: 2_000_000, free: 1_000, fromPacks: 0 }, new Dec("0.0025")).formula).toBe(
      "(2,000,000 \u2212 1,000) \u00d7 0.0025 = 4,997.50",
    );
    expect(priceLine({ calls: 2_500, free: 50, fromPacks: 1_000 }, new Dec("0.12")).formula).toBe("(2,500 − 1,000 − 50) × 0.12 = 174.00");
    expect(priceLine({ calls: 11_000, free: 0, fromPacks: 0 }, new Dec("0.09")).formula).toBe("11,000 × 0.09 = 990.00");
    expect(priceLine({ calls: 500, free: 500, fromPacks: 0 }, new Dec("0.12")).formula).toBe("(500 − 500) × 0.12 = 0.00");
  });

  it("rounds half-up to the cent", () => {
    expect(priceLine({ calls: 5, free: 0, fromPacks: 0 }, new Dec("0.001")).amountText).toBe("0.01"); // 0.005
    expect(priceLine({ calls: 3, free: 0, fromPacks: 0 }, new Dec("0.0015")).amountText).toBe("0.00"); // 0.0045
    expect(priceLine({ calls: 7, free: 0, fromPacks: 0 }, new Dec("0.0015")).amountText).toBe("0.01"); // 0.0105
  });

  it("equals billable × unit price rounded half-up, never negative (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...API_IDS),
        fc.nat(1_000_000_000_000),
        fc.nat(10_000),
        fc.nat(10_000),
        (api, calls, freeWanted, packsWanted) => {
          const free = Math.min(calls, freeWanted);
          const fromPacks = Math.min(calls - free, packsWanted);
          const tier = tierForMonthTotal(api, calls);
          const line = priceLine({ calls, free, fromPacks }, tier.unitPricePerCall);
          const exact = new Dec(line.billable).times(tier.unitPricePerCall);
          expect(line.billable).toBe(calls - free - fromPacks);
          expect(line.amount.equals(exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP))).toBe(true);
          expect(line.amount.isNegative()).toBe(false);
          expect(line.amount.minus(exact).abs().lessThanOrEqualTo("0.005")).toBe(true);
          expect(line.amountText).toMatch(/^\d+\.\d{2}$/);
        },
      ),
    );
  });
});
