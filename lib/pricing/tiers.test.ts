import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_IDS, type ApiId } from "./catalog/products";
import { tierForMonthTotal, tiersOf } from "./tiers";

/**
 * SPEC §2.3 restated independently of the catalog data: upper bounds, whether they are
 * inclusive, and unit prices per call.
 */
interface Expected {
  readonly bounds: readonly number[];
  readonly inclusive: boolean;
  readonly perCall: readonly string[];
}

const SCAN: Expected = { bounds: [10_000, 100_000, 1_000_000], inclusive: true, perCall: ["0.12", "0.09", "0.06", "0.03"] };
const RECOGNITION_BOUNDS = [1_000_000, 3_000_000, 15_000_000];
const ATTIRE: Expected = { bounds: [50_000, 300_000, 1_000_000], inclusive: false, perCall: ["0.003", "0.0027", "0.0024", "0.0021"] };
const BODY: Expected = { bounds: [3_000_000, 15_000_000], inclusive: true, perCall: ["0.002", "0.0018", "0.0015"] };

const EXPECTED: Record<ApiId, Expected> = {
  "scan.code-recognition": SCAN,
  "scan.barcode-lookup": SCAN,
  "recognition.product": { bounds: RECOGNITION_BOUNDS, inclusive: false, perCall: ["0.0025", "0.0022", "0.002", "0.0015"] },
  "recognition.product-wechat": { bounds: RECOGNITION_BOUNDS, inclusive: false, perCall: ["0.0035", "0.0032", "0.0028", "0.0022"] },
  "recognition.vehicle": { bounds: RECOGNITION_BOUNDS, inclusive: false, perCall: ["0.003", "0.0025", "0.002", "0.0015"] },
  "recognition.vehicle-enhanced": { bounds: RECOGNITION_BOUNDS, inclusive: false, perCall: ["0.075", "0.045", "0.035", "0.03"] },
  "recognition.seal": { bounds: [3_000_000, 10_000_000, 15_000_000], inclusive: false, perCall: ["0.007", "0.0065", "0.006", "0.0055"] },
  "recognition.pet": { bounds: [10_000, 100_000, 1_000_000], inclusive: false, perCall: ["0.02", "0.018", "0.016", "0.014"] },
  "recognition.chef-attire": ATTIRE,
  "recognition.safety-attributes": ATTIRE,
  "processing.quality": { bounds: RECOGNITION_BOUNDS, inclusive: false, perCall: ["0.003", "0.0025", "0.002", "0.0015"] },
  "processing.crop": { bounds: RECOGNITION_BOUNDS, inclusive: false, perCall: ["0.002", "0.0015", "0.0012", "0.001"] },
  "processing.enhance": { bounds: RECOGNITION_BOUNDS, inclusive: false, perCall: ["0.008", "0.0075", "0.007", "0.006"] },
  "body.detection": BODY,
  "body.library": BODY,
  "body.search": BODY,
};

/** Both sides of every bound: [calls, expected tier]. */
function boundaryCases(expected: Expected): Array<[number, number]> {
  return expected.bounds.flatMap((bound, i): Array<[number, number]> => {
    const tier = i + 1;
    return expected.inclusive
      ? [[bound, tier], [bound + 1, tier + 1]]
      : [[bound - 1, tier], [bound, tier + 1]];
  });
}

describe("postpaid volume tiers (SPEC §2.3)", () => {
  describe.each(API_IDS)("%s", (api) => {
    const expected = EXPECTED[api];

    it.each(boundaryCases(expected))("%i calls fall in tier %i", (calls, tier) => {
      const found = tierForMonthTotal(api, calls);
      expect(found.number).toBe(tier);
      expect(found.unitPriceText).toBe(expected.perCall[tier - 1]);
    });

    it("puts 1 call in tier 1 and 10^12 calls in the last tier", () => {
      expect(tierForMonthTotal(api, 1).number).toBe(1);
      expect(tierForMonthTotal(api, 1_000_000_000_000).number).toBe(expected.perCall.length);
    });
  });

  it("never prices a higher tier above a lower one (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...API_IDS), fc.nat(2_000_000_000), fc.nat(2_000_000_000), (api, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowTier = tierForMonthTotal(api, low);
        const highTier = tierForMonthTotal(api, high);
        expect(highTier.number).toBeGreaterThanOrEqual(lowTier.number);
        expect(highTier.unitPricePerCall.lessThanOrEqualTo(lowTier.unitPricePerCall)).toBe(true);
      }),
    );
    for (const api of API_IDS) {
      const prices = tiersOf(api).map((tier) => tier.unitPricePerCall);
      prices.slice(1).forEach((price, i) => expect(price.lessThan(prices[i] ?? price)).toBe(true));
    }
  });
});
