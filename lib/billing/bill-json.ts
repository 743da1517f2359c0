import type { UsageLine } from "@/lib/pricing";
import type { BillDetail } from "./bills";

/** API.md §1 `GET /api/v1/bills`: a closed month's bill; lines in the quote command's shape (QUOTE.md). */
export interface BillJson {
  month: string;
  priceBook: string;
  status: "paid" | "arrears" | "settled";
  lines: UsageLine<string>[];
  usageTotal: string;
  /** SPEC §7.3: purchases are paid when made, so what the bill charged is its usage. */
  total: string;
  closedAt: string;
}

export function billJson(bill: BillDetail): BillJson {
  return {
    month: bill.month,
    priceBook: bill.priceBook,
    status: bill.status,
    lines: bill.lines.map((l) => ({ api: l.api, calls: l.calls, free: l.free, fromPacks: l.fromPacks, billable: l.billable, tier: l.tier, unitPrice: l.unitPrice, amount: l.amount, formula: l.formula })),
    usageTotal: bill.total,
    total: bill.total,
    closedAt: bill.closedAt.toISOString(),
  };
}
