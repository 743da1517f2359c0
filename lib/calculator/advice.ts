import { Dec } from "@/lib/pricing/decimal";
import { PACKS } from "@/lib/pricing/catalog/packs";
import { formatMoney } from "@/lib/pricing/format";
import { pricePacks } from "@/lib/pricing/purchase";
import { quoteMonth, type Quote, type QuoteLine } from "@/lib/pricing/quote/quote-month";
import { tiersOf } from "@/lib/pricing/tiers";
import { type ApiId } from "@/lib/pricing/catalog/products";
import { type QuoteInput } from "@/lib/pricing/quote/schema";
import { firstCallOfTier } from "./tier-rows";

/**
 * Where the entered usage costs more than it needs to (issue 3): a volume tier boundary
 * just ahead (SPEC §2.3: the month total picks one tier for every billable call, so more
 * calls can cost less), or packs cheaper than postpaid for the calls billed (SPEC §2.4).
 * Every figure comes from quoteMonth on a changed copy of the input, so the advice can never
 * disagree with the bill shown. Money values are strings with two decimals.
 */
export interface TierAdvice {
  readonly kind: "tier";
  readonly api: ApiId;
  readonly calls: number;
  readonly amount: string;
  /** The fewest calls that reach the cheaper tier. */
  readonly betterCalls: number;
  readonly betterAmount: string;
  readonly saving: string;
  readonly tier: number;
  readonly unitPrice: string;
}

export interface PackAdvice {
  readonly kind: "pack";
  readonly api: ApiId;
  /** Calls now billed postpaid and what they cost. */
  readonly billable: number;
  readonly postpaid: string;
  readonly packId: string;
  readonly packCalls: number;
  readonly quantity: number;
  readonly packCost: string;
  /** What is still billed postpaid after the packs. */
  readonly stillPostpaid: string;
  /** packCost + stillPostpaid. */
  readonly alternative: string;
  readonly saving: string;
  /** Calls left in the bought packs at the end of the month (valid one year). */
  readonly leftover: number;
}

export type Advice = TierAdvice | PackAdvice;

/** More packs than this in one suggestion is never the cheapest (a larger size is). */
const MAX_SUGGESTED_PACKS = 1_000;

function lineOf(quote: Quote, api: ApiId): QuoteLine | undefined {
  return quote.lines.find((line) => line.api === api);
}

export function tierAdvice(input: QuoteInput, quote: Quote, line: QuoteLine): TierAdvice | null {
  let best: TierAdvice | null = null;
  for (const tier of tiersOf(line.api)) {
    if (tier.number <= line.tier) continue;
    const betterCalls = firstCallOfTier(tier);
    const alt = quoteMonth({ ...input, usage: { ...input.usage, [line.api]: betterCalls } });
    const altLine = lineOf(alt, line.api);
    if (!altLine || !new Dec(alt.usageTotal).lessThan(quote.usageTotal)) continue;
    if (!new Dec(altLine.amount).lessThan(best?.betterAmount ?? line.amount)) continue;
    best = {
      kind: "tier",
      api: line.api,
      calls: line.calls,
      amount: line.amount,
      betterCalls,
      betterAmount: altLine.amount,
      saving: formatMoney(new Dec(line.amount).minus(altLine.amount)),
      tier: altLine.tier,
      unitPrice: altLine.unitPrice,
    };
  }
  return best;
}

function packQuantities(billable: number, size: number): number[] {
  const low = Math.floor(billable / size);
  const high = Math.ceil(billable / size);
  return [...new Set([low, high])].filter((q) => q >= 1 && q <= MAX_SUGGESTED_PACKS);
}

export function packAdvice(input: QuoteInput, line: QuoteLine): PackAdvice | null {
  if (line.billable === 0) return null;
  const purchases = input.purchases ?? [];
  const boughtPrefix = `purchases[${purchases.length}]#`;
  let best: PackAdvice | null = null;
  for (const pack of PACKS) {
    if (pack.api !== line.api) continue;
    for (const quantity of packQuantities(line.billable, pack.calls)) {
      const alt = quoteMonth({ ...input, purchases: [...purchases, { item: pack.id, quantity }] });
      const stillPostpaid = lineOf(alt, line.api)?.amount ?? "0.00";
      const packCost = pricePacks(pack.id, quantity).amount;
      const alternative = packCost.plus(stillPostpaid);
      if (!alternative.lessThan(best?.alternative ?? line.amount)) continue;
      const leftover = alt.packDraws.filter((draw) => draw.id.startsWith(boughtPrefix)).reduce((sum, draw) => sum + draw.remaining, 0);
      best = {
        kind: "pack",
        api: line.api,
        billable: line.billable,
        postpaid: line.amount,
        packId: pack.id,
        packCalls: pack.calls,
        quantity,
        packCost: formatMoney(packCost),
        stillPostpaid,
        alternative: formatMoney(alternative),
        saving: formatMoney(new Dec(line.amount).minus(alternative)),
        leftover,
      };
    }
  }
  return best;
}

/** All advice for a quote, in bill-line order: the tier boundary first, then packs. */
export function adviseQuote(input: QuoteInput, quote: Quote): Advice[] {
  return quote.lines.flatMap((line) => {
    const found: Advice[] = [];
    const tier = tierAdvice(input, quote, line);
    if (tier) found.push(tier);
    const pack = packAdvice(input, line);
    if (pack) found.push(pack);
    return found;
  });
}
