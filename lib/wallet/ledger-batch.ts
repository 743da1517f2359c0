import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ledgerEntries, ledgerTransactions, wallets, type WalletBook } from "@/db/schema";
import { rowsOf, unnestRows } from "@/db/unnest";
import { Dec } from "@/lib/pricing";
import { UnbalancedLedgerError, type LedgerPosting } from "./ledger";

export type WalletOnlyPosting = Omit<LedgerPosting, "lines"> & { lines: { book: WalletBook; amount: Dec }[] };

/**
 * `postLedger` for many accounts at once, with a constant number of statements (the monthly close
 * posts a bill for thousands of accounts a batch). Same rules: every transaction balances, amounts
 * are whole cents, an idempotency key already posted is skipped, and the wallet balances move in the
 * same statement set. The caller's transaction must hold every account's wallet lock.
 * Wallet books only: vouchers never pay bills.
 */
export async function postLedgerBatch(db: Database, postings: WalletOnlyPosting[]): Promise<{ posted: number; duplicates: number }> {
  const prepared = postings.map((posting) => {
    const lines = posting.lines.filter((line) => !line.amount.isZero());
    const sum = lines.reduce((total, line) => total.plus(line.amount), new Dec(0));
    if (!sum.isZero()) throw new UnbalancedLedgerError(sum.toFixed());
    if (lines.some((line) => line.amount.decimalPlaces() > 2)) throw new Error("ledger amounts are whole cents");
    return { posting, lines };
  });
  if (prepared.length === 0) return { posted: 0, duplicates: 0 };
  const inserted = rowsOf<{ id: string; account_id: string; idempotency_key: string }>(
    await db.execute(sql`
      insert into ${ledgerTransactions} (account_id, kind, idempotency_key, document_type, document_id, memo, at)
      ${unnestRows([
        { values: prepared.map(({ posting }) => posting.accountId), type: "uuid[]" },
        { values: prepared.map(({ posting }) => posting.kind), type: "text[]" },
        { values: prepared.map(({ posting }) => posting.idempotencyKey), type: "text[]" },
        { values: prepared.map(({ posting }) => posting.documentType), type: "text[]" },
        { values: prepared.map(({ posting }) => posting.documentId), type: "text[]" },
        { values: prepared.map(({ posting }) => (posting.memo ? JSON.stringify(posting.memo) : null)), type: "jsonb[]" },
        { values: prepared.map(({ posting }) => posting.at.toISOString()), type: "timestamptz[]" },
      ])}
      on conflict do nothing
      returning id, account_id, idempotency_key`),
  ).map((row) => ({ id: row.id, accountId: row.account_id, idempotencyKey: row.idempotency_key }));
  const idOf = new Map(inserted.map((row) => [`${row.accountId}|${row.idempotencyKey}`, row.id]));
  const fresh = prepared.filter(({ posting }) => idOf.has(`${posting.accountId}|${posting.idempotencyKey}`));
  const entries = fresh.flatMap(({ posting, lines }) =>
    lines.map((line) => ({ transactionId: idOf.get(`${posting.accountId}|${posting.idempotencyKey}`) ?? "", accountId: posting.accountId, book: line.book, voucherId: null, amount: line.amount.toFixed(2) })),
  );
  if (entries.length > 0) {
    await db.execute(sql`
      insert into ${ledgerEntries} (transaction_id, account_id, book, voucher_id, amount)
      ${unnestRows([
        { values: entries.map((e) => e.transactionId), type: "uuid[]" },
        { values: entries.map((e) => e.accountId), type: "uuid[]" },
        { values: entries.map((e) => e.book), type: "text[]" },
        { values: entries.map(() => null), type: "uuid[]" },
        { values: entries.map((e) => e.amount), type: "numeric[]" },
      ])}`);
  }

  const deltas = new Map<string, Record<WalletBook, Dec>>();
  for (const { posting, lines } of fresh) {
    const delta = deltas.get(posting.accountId) ?? { cash: new Dec(0), income: new Dec(0), gift: new Dec(0), frozen: new Dec(0), external: new Dec(0), revenue: new Dec(0), promotion: new Dec(0) };
    for (const line of lines) delta[line.book] = delta[line.book].plus(line.amount);
    deltas.set(posting.accountId, delta);
  }
  if (deltas.size > 0) {
    const rows = sql.join(
      [...deltas].map(
        ([accountId, d]) =>
          sql`(${accountId}::uuid, ${d.cash.toFixed(2)}::numeric, ${d.income.toFixed(2)}::numeric, ${d.gift.toFixed(2)}::numeric, ${d.frozen.toFixed(2)}::numeric, ${d.external.toFixed(2)}::numeric, ${d.revenue.toFixed(2)}::numeric, ${d.promotion.toFixed(2)}::numeric)`,
      ),
      sql`, `,
    );
    const at = prepared[0]?.posting.at ?? new Date();
    await db.execute(sql`
      update ${wallets} set
        cash = ${wallets.cash} + v.cash, income = ${wallets.income} + v.income, gift = ${wallets.gift} + v.gift,
        frozen = ${wallets.frozen} + v.frozen, external = ${wallets.external} + v.external,
        revenue = ${wallets.revenue} + v.revenue, promotion = ${wallets.promotion} + v.promotion, updated_at = ${at.toISOString()}::timestamptz
      from (values ${rows}) as v(account_id, cash, income, gift, frozen, external, revenue, promotion)
      where ${wallets.accountId} = v.account_id`);
  }
  return { posted: fresh.length, duplicates: prepared.length - fresh.length };
}
