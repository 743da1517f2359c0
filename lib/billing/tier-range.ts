import { tiersOf, type ApiId } from "@/lib/pricing";

/**
 * The calls a tier covers, as inclusive whole numbers, for saying why a month's total fell in it
 * (SPEC §2.3). The catalog publishes each tier's upper bound as inclusive (scan, body: "≤10,000")
 * or exclusive (recognition, processing: "<1,000,000"); this turns both into "from – to" so the
 * reader never has to know which: an exclusive 1,000,000 – 3,000,000 tier is 1,000,000 – 2,999,999.
 * `to` is null for the last tier, which has no upper bound.
 */
export interface TierRange {
  tier: number;
  from: number;
  to: number | null;
}

export function tierRange(api: ApiId, tierNumber: number): TierRange {
  const tier = tiersOf(api).find((t) => t.number === tierNumber);
  if (!tier) throw new RangeError(`${api} has no tier ${tierNumber}`);
  const inclusive = tier.upperBound === "inclusive";
  // The previous tier's upper bound is this tier's lower edge: included there when inclusive, so this one starts one call later.
  const from = tier.from === 0 ? 0 : inclusive ? tier.from + 1 : tier.from;
  const to = tier.upTo === null ? null : inclusive ? tier.upTo : tier.upTo - 1;
  return { tier: tier.number, from, to };
}
