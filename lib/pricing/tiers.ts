import { POSTPAID_TIERS, perCallPrice, type TierTable } from "./catalog/postpaid-tiers";
import type { ApiId } from "./catalog/products";
import type { Dec } from "./decimal";
import { formatUnitPrice } from "./format";

export interface Tier {
  /** 1-based tier number. */
  readonly number: number;
  /** Lower bound of calls per month, as published (0 for the first tier). */
  readonly from: number;
  readonly upTo: number | null;
  readonly upperBound: "inclusive" | "exclusive";
  readonly unitPricePerCall: Dec;
  /** The unit price at its published precision, `0.0025`. */
  readonly unitPriceText: string;
}

function buildTiers(table: TierTable): readonly Tier[] {
  let from = 0;
  return table.tiers.map((spec, index) => {
    const tier: Tier = {
      number: index + 1,
      from,
      upTo: spec.upTo,
      upperBound: table.upperBound,
      unitPricePerCall: perCallPrice(table, spec),
      unitPriceText: formatUnitPrice(perCallPrice(table, spec)),
    };
    from = spec.upTo ?? from;
    return tier;
  });
}

// Built once: pricing a month must not rebuild Decimals (bench target, SPEC §2.3 data).
const TIERS_BY_API = new Map<ApiId, readonly Tier[]>(
  (Object.keys(POSTPAID_TIERS) as ApiId[]).map((api) => [api, buildTiers(POSTPAID_TIERS[api])]),
);

/** All postpaid tiers of an API, cheapest last. */
export function tiersOf(api: ApiId): readonly Tier[] {
  const tiers = TIERS_BY_API.get(api);
  if (!tiers) throw new Error(`catalog has no tiers for ${api}`);
  return tiers;
}

function withinTier(tier: Tier, calls: number): boolean {
  if (tier.upTo === null) return true;
  return tier.upperBound === "inclusive" ? calls <= tier.upTo : calls < tier.upTo;
}

/**
 * The tier a month's total calls of an API falls in (SPEC §2.3): the total counts free,
 * pack and postpaid calls alike, and one tier prices every billable call of the month.
 */
export function tierForMonthTotal(api: ApiId, totalCalls: number): Tier {
  const tiers = tiersOf(api);
  for (const tier of tiers) {
    if (withinTier(tier, totalCalls)) return tier;
  }
  const last = tiers[tiers.length - 1];
  if (!last) throw new Error(`catalog has no tiers for ${api}`);
  return last;
}
