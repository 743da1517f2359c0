import { POSTPAID_TIERS } from "@/lib/pricing/catalog/postpaid-tiers";
import { tiersOf, type Tier } from "@/lib/pricing/tiers";
import { type ApiId } from "@/lib/pricing/catalog/products";

/** One row of an API's tier table, as whole call counts (calls are integers). */
export interface TierRow {
  readonly number: number;
  /** The smallest month total in the tier. */
  readonly firstCall: number;
  /** The largest month total in the tier; null for the last tier. */
  readonly lastCall: number | null;
  /** Per call, `0.0025`. */
  readonly unitPrice: string;
  /** As published: the price and whether it is per call or per 1,000 calls (SPEC §2.3). */
  readonly publishedPrice: string;
  readonly per: 1 | 1_000;
}

/**
 * The first month total that reaches a tier. Published bounds are inclusive ("≤10,000":
 * tier 2 starts at 10,001) or exclusive ("<1,000,000": tier 2 starts at 1,000,000).
 */
export function firstCallOfTier(tier: Tier): number {
  if (tier.number === 1) return 0;
  return tier.upperBound === "inclusive" ? tier.from + 1 : tier.from;
}

export function tierRows(api: ApiId): TierRow[] {
  const table = POSTPAID_TIERS[api];
  return tiersOf(api).map((tier, index) => {
    let lastCall: number | null = null;
    if (tier.upTo !== null) lastCall = tier.upperBound === "inclusive" ? tier.upTo : tier.upTo - 1;
    return {
      number: tier.number,
      firstCall: firstCallOfTier(tier),
      lastCall,
      unitPrice: tier.unitPriceText,
      publishedPrice: table.tiers[index]?.price ?? tier.unitPriceText,
      per: table.per,
    };
  });
}
