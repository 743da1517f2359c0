import "server-only";
import { and, asc, eq, gte, lt, ne, or, sql } from "drizzle-orm";
import { ledgerTransactions, type LedgerKind } from "@/db/schema";
import type { Database } from "@/db/client";
import { Dec, formatMoney, monthEnd, monthStart, type Month } from "@/lib/pricing";
import { withBookChanges, type TransactionView } from "@/lib/wallet/balance";

export interface StatementGroup {
  kind: LedgerKind;
  count: number;
  balanceChange: string;
  frozenChange: string;
  voucherChange: string;
}

/** The bill's own ledger document: every close posts its bill, freeze and release under it (lib/billing/close.ts). */
export function billDocumentId(accountId: string, month: Month): string {
  return `${accountId}:${month}`;
}

/**
 * A month's statement (SPEC §7.3): the account's ledger transactions dated inside the month on the
 * Shanghai calendar (purchases, refunds, top-ups, credits, vouchers), plus everything posted under
 * the month's own bill (its deduction, its freeze, and the previous month's release), which happens
 * at the close, early next month. Another month's bill document dated inside this month (last
 * month's close, on the 1st) belongs to that month's statement, so each movement is listed once.
 * A close posts its release, bill and freeze at one instant: they are listed in that order, the
 * order the close applies them (lib/billing/close.ts), not in the random order of their ids.
 */
export async function monthStatement(db: Database, accountId: string, month: Month): Promise<TransactionView[]> {
  const own = billDocumentId(accountId, month);
  const txs = await db
    .select()
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.accountId, accountId),
        or(
          and(gte(ledgerTransactions.at, monthStart(month)), lt(ledgerTransactions.at, monthEnd(month)), or(ne(ledgerTransactions.documentType, "bill"), eq(ledgerTransactions.documentId, own))),
          and(eq(ledgerTransactions.documentType, "bill"), eq(ledgerTransactions.documentId, own)),
        ),
      ),
    )
    .orderBy(asc(ledgerTransactions.at), sql`case ${ledgerTransactions.kind} when 'release' then 0 when 'bill' then 1 when 'freeze' then 2 else 3 end`, asc(ledgerTransactions.id));
  return withBookChanges(db, accountId, txs);
}

/** The statement summed by kind, in the order the kinds first appear: "purchases −¥X, top-ups +¥Y, …". */
export function groupStatement(entries: readonly TransactionView[]): StatementGroup[] {
  const groups = new Map<LedgerKind, { count: number; balance: Dec; frozen: Dec; voucher: Dec }>();
  for (const entry of entries) {
    const group = groups.get(entry.kind) ?? { count: 0, balance: new Dec(0), frozen: new Dec(0), voucher: new Dec(0) };
    group.count += 1;
    group.balance = group.balance.plus(entry.balanceChange);
    group.frozen = group.frozen.plus(entry.changes.frozen ?? "0");
    group.voucher = group.voucher.plus(entry.changes.voucher ?? "0");
    groups.set(entry.kind, group);
  }
  return [...groups].map(([kind, g]) => ({ kind, count: g.count, balanceChange: formatMoney(g.balance), frozenChange: formatMoney(g.frozen), voucherChange: formatMoney(g.voucher) }));
}
