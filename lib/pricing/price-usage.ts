import { API_IDS, Dec, formatMoney, priceLine, sumAmounts, tierForMonthTotal, type DrawnUsage, type UsageLine } from "@/lib/pricing";

/** A usage line (lib/pricing) with its amount still a Dec, for summing; `amountText` is the line's `amount`. */
export type PricedUsageLine = Omit<UsageLine, "amount"> & { amount: Dec; amountText: string };

/** A priced line as stored and shown: the amount as two-decimal text (the one usage-line shape, UsageLine). */
export function usageLineOf(line: PricedUsageLine): UsageLine {
  return { api: line.api, calls: line.calls, free: line.free, fromPacks: line.fromPacks, billable: line.billable, tier: line.tier, unitPrice: line.unitPrice, amount: line.amountText, formula: line.formula };
}

/**
 * Prices a month of drawn usage (SPEC §2.3): the month's total calls of an API select its tier and
 * every billable call is priced at it, each line rounded half-up to 0.01 by lib/pricing. One line per
 * API with calls, in catalog order (QUOTE.md). Used by the running estimate and by the close alike.
 */
export function priceUsage(rows: readonly DrawnUsage[]): { lines: PricedUsageLine[]; total: Dec; totalText: string } {
  const byApi = new Map(rows.map((r) => [r.api, r]));
  const lines: PricedUsageLine[] = [];
  for (const api of API_IDS) {
    const row = byApi.get(api);
    if (!row || row.calls <= 0) continue;
    const tier = tierForMonthTotal(api, row.calls);
    const line = priceLine({ calls: row.calls, free: row.free, fromPacks: row.fromPacks }, tier.unitPricePerCall, tier.unitPriceText);
    lines.push({ api, calls: row.calls, free: row.free, fromPacks: row.fromPacks, billable: line.billable, tier: tier.number, unitPrice: tier.unitPriceText, amount: line.amount, amountText: line.amountText, formula: line.formula });
  }
  const total = lines.length > 0 ? sumAmounts(lines.map((l) => l.amount)) : new Dec(0);
  return { lines, total, totalText: formatMoney(total) };
}
