import { packAdvice, tierAdvice, type PackAdvice, type TierAdvice } from "@/lib/calculator/advice";
import { Dec, PACKS, PACK_VALIDITY_YEARS, monthEnd, parseQuoteInput, quoteMonth, tierForMonthTotal, type DrawnUsage, type Month, type QuoteInput } from "@/lib/pricing";

/**
 * The calculator's advice applied to the account's own numbers (issue 13), pure. Two kinds:
 * - last month: "you paid ¥A postpaid; a <pack> bought on the 1st would have cost ¥B";
 * - this month: "you are N calls short of the next tier", where reaching it lowers the month's bill.
 * Every figure comes from quoteMonth (lib/pricing) through the calculator's advice, so it can
 * never disagree with the bill.
 */
/** A month's drawn usage of one API (lib/pricing). */
export type MonthUsage = DrawnUsage;

export type UsageAdvice = (PackAdvice & { month: Month }) | (TierAdvice & { month: Month; short: number });

const APIS_WITH_PACKS = new Set<string>(PACKS.map((pack) => pack.api));

/** The month's quote input that reproduces how its calls were drawn: free, then the packs the account had, then postpaid. */
export function replayInput(month: Month, usage: MonthUsage): QuoteInput {
  return parseQuoteInput({
    month,
    usage: { [usage.api]: usage.calls },
    freeRemaining: { [usage.api]: usage.free },
    packs: usage.fromPacks > 0 ? [{ id: "owned", api: usage.api, size: usage.fromPacks, remaining: usage.fromPacks, expiresAt: monthEnd(month).toISOString() }] : [],
  });
}

/**
 * Whether packs pay for themselves within their validity at the account's own rate (issue 13):
 * the calls they would absorb in a year at `billablePerMonth`, priced at the postpaid unit price
 * the month reaches, must come to at least what they cost.
 */
export function paysForItself(advice: Pick<PackAdvice, "packCalls" | "quantity" | "packCost">, billablePerMonth: number, unitPricePerCall: Dec): boolean {
  const absorbed = Math.min(advice.packCalls * advice.quantity, billablePerMonth * 12 * PACK_VALIDITY_YEARS);
  return new Dec(absorbed).times(unitPricePerCall).greaterThanOrEqualTo(advice.packCost);
}

/** Pack advice for last month's postpaid usage of each API that sells packs. */
export function packAdviceFromLastMonth(month: Month, usage: readonly MonthUsage[]): UsageAdvice[] {
  const found: UsageAdvice[] = [];
  for (const entry of usage) {
    if (!APIS_WITH_PACKS.has(entry.api) || entry.calls <= 0) continue;
    let input: QuoteInput;
    try {
      input = replayInput(month, entry);
    } catch {
      continue; // a month without a price book, or an API not in it: nothing to advise
    }
    const line = quoteMonth(input).lines.find((l) => l.api === entry.api);
    if (!line) continue;
    const advice = packAdvice(input, line);
    if (!advice) continue;
    if (!paysForItself(advice, line.billable, tierForMonthTotal(entry.api, line.calls).unitPricePerCall)) continue;
    found.push({ ...advice, month });
  }
  return found;
}

/** Tier advice for this month's forecast calls of each API: only where the next tier makes the month cheaper. */
export function tierAdviceForMonth(month: Month, forecast: readonly MonthUsage[]): UsageAdvice[] {
  const found: UsageAdvice[] = [];
  for (const entry of forecast) {
    if (entry.calls <= 0) continue;
    let input: QuoteInput;
    try {
      input = replayInput(month, entry);
    } catch {
      continue;
    }
    const quote = quoteMonth(input);
    const line = quote.lines.find((l) => l.api === entry.api);
    if (!line) continue;
    const advice = tierAdvice(input, quote, line);
    if (advice && advice.betterCalls > entry.calls) found.push({ ...advice, month, short: advice.betterCalls - entry.calls });
  }
  return found;
}
