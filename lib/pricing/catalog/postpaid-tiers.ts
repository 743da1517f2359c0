import { Dec } from "../decimal";
import type { ApiId } from "./products";

/**
 * SPEC §2.3: postpaid volume tiers (阶梯到达). Bounds are exact: scan and body publish
 * inclusive upper bounds ("≤ 1万"), recognition and processing exclusive ones
 * ("不含1000千次"). Prices are written as published (per call or per 1,000 calls) and
 * converted once to an exact per-call Decimal.
 */
export interface TierSpec {
  /** Upper bound of the tier in calls per month; null for the last tier. */
  readonly upTo: number | null;
  readonly price: string;
}

export interface TierTable {
  readonly upperBound: "inclusive" | "exclusive";
  /** Prices are per this many calls: 1 (元/次) or 1,000 (元/千次). */
  readonly per: 1 | 1_000;
  readonly tiers: readonly TierSpec[];
}

function table(
  upperBound: TierTable["upperBound"],
  per: TierTable["per"],
  bounds: readonly number[],
  prices: readonly string[],
): TierTable {
  return {
    upperBound,
    per,
    tiers: prices.map((price, i) => ({ upTo: bounds[i] ?? null, price })),
  };
}

const SCAN_BOUNDS = [10_000, 100_000, 1_000_000];
const RECOGNITION_BOUNDS = [1_000_000, 3_000_000, 15_000_000];
const SEAL_BOUNDS = [3_000_000, 10_000_000, 15_000_000];
const PET_BOUNDS = [10_000, 100_000, 1_000_000];
const ATTIRE_BOUNDS = [50_000, 300_000, 1_000_000];
const BODY_BOUNDS = [3_000_000, 15_000_000];

const SCAN = table("inclusive", 1, SCAN_BOUNDS, ["0.12", "0.09", "0.06", "0.03"]);
const ATTIRE = table("exclusive", 1_000, ATTIRE_BOUNDS, ["3", "2.7", "2.4", "2.1"]);
const BODY = table("inclusive", 1, BODY_BOUNDS, ["0.002", "0.0018", "0.0015"]);

export const POSTPAID_TIERS: Readonly<Record<ApiId, TierTable>> = {
  "scan.code-recognition": SCAN,
  "scan.barcode-lookup": SCAN,
  "recognition.product": table("exclusive", 1_000, RECOGNITION_BOUNDS, ["2.5", "2.2", "2", "1.5"]),
  "recognition.product-wechat": table("exclusive", 1_000, RECOGNITION_BOUNDS, ["3.5", "3.2", "2.8", "2.2"]),
  "recognition.vehicle": table("exclusive", 1_000, RECOGNITION_BOUNDS, ["3", "2.5", "2", "1.5"]),
  "recognition.vehicle-enhanced": table("exclusive", 1_000, RECOGNITION_BOUNDS, ["75", "45", "35", "30"]),
  "recognition.seal": table("exclusive", 1_000, SEAL_BOUNDS, ["7", "6.5", "6", "5.5"]),
  "recognition.pet": table("exclusive", 1_000, PET_BOUNDS, ["20", "18", "16", "14"]),
  "recognition.chef-attire": ATTIRE,
  "recognition.safety-attributes": ATTIRE,
  "processing.quality": table("exclusive", 1, RECOGNITION_BOUNDS, ["0.003", "0.0025", "0.002", "0.0015"]),
  "processing.crop": table("exclusive", 1, RECOGNITION_BOUNDS, ["0.002", "0.0015", "0.0012", "0.001"]),
  "processing.enhance": table("exclusive", 1, RECOGNITION_BOUNDS, ["0.008", "0.0075", "0.007", "0.006"]),
  "body.detection": BODY,
  "body.library": BODY,
  "body.search": BODY,
};

/** Exact per-call price of a published price. */
export function perCallPrice(tableOf: TierTable, spec: TierSpec): Dec {
  return new Dec(spec.price).dividedBy(tableOf.per);
}
