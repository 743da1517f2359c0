import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, PACKS, tierForMonthTotal, type ApiId } from "@/lib/pricing";
import { packAdviceFromLastMonth, tierAdviceForMonth } from "./advice";

const apisWithPacks = [...new Set(PACKS.map((p) => p.api))] as ApiId[];

/** A month of one API's usage: calls, of which some were free and some came from packs. */
const usageProfile = fc
  .record({ api: fc.constantFrom(...apisWithPacks), calls: fc.integer({ min: 1, max: 20_000_000 }), freeShare: fc.double({ min: 0, max: 1, noNaN: true }), packShare: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ api, calls, freeShare, packShare }) => {
    const free = Math.min(1_000, Math.floor(calls * freeShare));
    const fromPacks = Math.floor((calls - free) * packShare);
    return { api, calls, free, fromPacks };
  });

describe("advice from real usage", () => {
  it("never advises a pack that would not pay for itself at the account's own rate within its 1-year validity", () => {
    fc.assert(
      fc.property(usageProfile, (usage) => {
        for (const advice of packAdviceFromLastMonth("2026-10", [usage])) {
          if (advice.kind !== "pack") continue;
          const billable = usage.calls - usage.free - usage.fromPacks;
          const absorbed = Math.min(advice.packCalls * advice.quantity, billable * 12);
          const value = new Dec(absorbed).times(tierForMonthTotal(usage.api, usage.calls).unitPricePerCall);
          expect(value.greaterThanOrEqualTo(advice.packCost)).toBe(true);
          expect(new Dec(advice.saving).greaterThan(0)).toBe(true);
          expect(advice.billable).toBe(billable);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("advises the pack that makes last month cheapest, with the figures of the bill", () => {
    // 60,000 vehicle-enhanced calls, 1,000 free: 59,000 × 0.075 = ¥4,425.00; 5 × 10k packs ¥3,650 + 9,000 × 0.075 = ¥4,325.00.
    const [advice] = packAdviceFromLastMonth("2026-10", [{ api: "recognition.vehicle-enhanced", calls: 60_000, free: 1_000, fromPacks: 0 }]);
    expect(advice).toMatchObject({ kind: "pack", postpaid: "4425.00", packId: "recognition.vehicle-enhanced:10k", quantity: 5, alternative: "4325.00", saving: "100.00" });
  });

  it("says how many calls short of a cheaper tier this month is", () => {
    // scan at 9,990 calls (tier 1, 0.12) vs 10,001 (tier 2, 0.09): (9,990 − 1,000) × 0.12 = ¥1,078.80 > (10,001 − 1,000) × 0.09 = ¥810.09.
    const [advice] = tierAdviceForMonth("2026-11", [{ api: "scan.code-recognition", calls: 9_990, free: 1_000, fromPacks: 0 }]);
    expect(advice).toMatchObject({ kind: "tier", short: 11, betterCalls: 10_001, amount: "1078.80", betterAmount: "810.09" });
    expect(tierAdviceForMonth("2026-11", [{ api: "scan.code-recognition", calls: 3_000, free: 1_000, fromPacks: 0 }])).toEqual([]);
  });
});
