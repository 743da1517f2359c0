import type { bills } from "@/db/schema";
import { Dec, previousMonth, type DrawnUsage, type Month, type PriceBook } from "@/lib/pricing";
import type { WalletOnlyPosting } from "@/lib/wallet/ledger-batch";
import { billDebit, freezeAmount } from "./debit";
import { priceUsage, type PricedUsageLine } from "@/lib/pricing/price-usage";
import { billDocumentId } from "./statement";

export interface SettleInput {
  month: Month;
  book: PriceBook;
  at: Date;
  /** The batch's wallets, locked, in account order. */
  wallets: readonly { accountId: string; cash: string; income: string; gift: string }[];
  usageOf: ReadonlyMap<string, readonly DrawnUsage[]>;
  /** Last month's frozen estimate to give back to cash first (SPEC §7.4). */
  releaseOf: ReadonlyMap<string, Dec>;
  statusOf: ReadonlyMap<string, string>;
}

export interface Settlement {
  billRows: (typeof bills.$inferInsert)[];
  linesOf: Map<string, PricedUsageLine[]>;
  /** Release, bill and freeze postings, in the order the close applies them. */
  postings: WalletOnlyPosting[];
  /** Active accounts the bill leaves with a negative balance, and that balance. */
  arrears: { accountId: string; balance: Dec }[];
}

/**
 * The money of a batch's close, pure: each account's month priced with lib/pricing, the previous
 * month's freeze released to cash, the bill taken gift → income → cash (SPEC §7.2), this month's
 * estimate frozen under the 2022 books (§7.4), and who falls into arrears (§6).
 */
export function settleBatch(input: SettleInput): Settlement {
  const { month, book, at } = input;
  const previous = previousMonth(month);
  const settlement: Settlement = { billRows: [], linesOf: new Map(), postings: [], arrears: [] };
  for (const wallet of input.wallets) {
    const priced = priceUsage(input.usageOf.get(wallet.accountId) ?? []);
    const released = input.releaseOf.get(wallet.accountId) ?? new Dec(0);
    const before = { cash: new Dec(wallet.cash).plus(released), income: new Dec(wallet.income), gift: new Dec(wallet.gift) };
    const balanceBefore = before.cash.plus(before.income).plus(before.gift);
    const taken = billDebit(priced.total, before);
    const cashAfter = before.cash.minus(taken.cash);
    const balanceAfter = balanceBefore.minus(priced.total);
    // SPEC §7.4: only books 2022-09 and 2022-11 freeze the next month's estimate.
    const frozen = book.estimateFreeze ? freezeAmount(priced.total, cashAfter) : new Dec(0);
    const base = { accountId: wallet.accountId, documentType: "bill", documentId: billDocumentId(wallet.accountId, month), at };
    if (!released.isZero()) {
      settlement.postings.push({ ...base, kind: "release", idempotencyKey: `release:${previous}`, memo: { month: previous }, lines: [{ book: "frozen", amount: released.neg() }, { book: "cash", amount: released }] });
    }
    if (!priced.total.isZero()) {
      settlement.postings.push({
        ...base,
        kind: "bill",
        idempotencyKey: `bill:${month}`,
        memo: { month },
        lines: [
          { book: "gift", amount: taken.gift.neg() },
          { book: "income", amount: taken.income.neg() },
          { book: "cash", amount: taken.cash.neg() },
          { book: "revenue", amount: priced.total },
        ],
      });
    }
    if (!frozen.isZero()) {
      settlement.postings.push({ ...base, kind: "freeze", idempotencyKey: `freeze:${month}`, memo: { month }, lines: [{ book: "cash", amount: frozen.neg() }, { book: "frozen", amount: frozen }] });
    }
    const leftNegative = balanceAfter.isNegative();
    if (leftNegative && input.statusOf.get(wallet.accountId) === "active") settlement.arrears.push({ accountId: wallet.accountId, balance: balanceAfter.minus(frozen) });
    settlement.billRows.push({
      accountId: wallet.accountId,
      month,
      priceBook: book.id,
      status: leftNegative ? "arrears" : "paid",
      usageTotal: priced.totalText,
      balanceBefore: balanceBefore.toFixed(2),
      balanceAfter: balanceAfter.minus(frozen).toFixed(2),
      frozen: frozen.toFixed(2),
      // `released` is how much of THIS bill's own freeze has been given back (by the next close);
      // what this close released from last month is in the ledger (kind "release").
      released: "0.00",
      closedAt: at,
    });
    settlement.linesOf.set(wallet.accountId, priced.lines);
  }
  return settlement;
}
