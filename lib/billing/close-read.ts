import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { accounts, bills, usageHourly, wallets, type AccountStatus } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { isApiId, previousMonth, type DrawnUsage, type Month } from "@/lib/pricing";

export type WalletRow = typeof wallets.$inferSelect;

/** What a batch's close reads besides the wallets: statuses, the month's drawn usage, last month's freezes to release. */
export interface BatchFacts {
  statusOf: Map<string, AccountStatus>;
  usageOf: Map<string, DrawnUsage[]>;
  /** Last month's bills of these accounts still holding a freeze (SPEC §7.4). */
  toRelease: { accountId: string; id: string; frozen: string }[];
}

/**
 * Locks the batch: the metering lock of each account (the same one POST /api/v1/usage takes, so an
 * event batch in flight finishes first), a wallet row for every account, and those rows FOR UPDATE.
 * Call it before `readBatch` without awaiting in between: the statements go out pipelined on the
 * batch's connection and the server runs them in order, so the reads start once the locks are held.
 */
export async function lockBatch(ctx: ServiceContext, accountIds: string[]): Promise<WalletRow[]> {
  const ids = sql.join(accountIds.map((id) => sql`(${id})`), sql`, `);
  const [, , walletRows] = await Promise.all([
    ctx.db.execute(sql`select count(pg_advisory_xact_lock(hashtext('metering:' || v.id))) from (values ${ids}) as v(id)`),
    ctx.db.execute(sql`insert into ${wallets} (account_id, updated_at) select id, ${ctx.now.toISOString()}::timestamptz from unnest(${sql.param(accountIds)}::uuid[]) as a(id) on conflict (account_id) do nothing`),
    ctx.db.select().from(wallets).where(inArray(wallets.accountId, accountIds)).orderBy(asc(wallets.accountId)).for("update"),
  ]);
  return walletRows;
}

/** Reads the batch's account statuses, the month's usage per API and last month's freezes to release. */
export async function readBatch(ctx: ServiceContext, month: Month, accountIds: string[]): Promise<BatchFacts> {
  const [accountRows, usage, toRelease] = await Promise.all([
    ctx.db.select({ id: accounts.id, status: accounts.status }).from(accounts).where(inArray(accounts.id, accountIds)),
    ctx.db
      .select({
        accountId: usageHourly.accountId,
        api: usageHourly.api,
        calls: sql<string>`sum(${usageHourly.calls})`,
        free: sql<string>`sum(${usageHourly.free})`,
        fromPacks: sql<string>`sum(${usageHourly.fromPacks})`,
      })
      .from(usageHourly)
      .where(and(inArray(usageHourly.accountId, accountIds), eq(usageHourly.month, month)))
      .groupBy(usageHourly.accountId, usageHourly.api),
    ctx.db
      .select({ accountId: bills.accountId, id: bills.id, frozen: bills.frozen })
      .from(bills)
      .where(and(inArray(bills.accountId, accountIds), eq(bills.month, previousMonth(month)), gt(bills.frozen, "0"), eq(bills.released, "0"))),
  ]);
  return { statusOf: new Map(accountRows.map((a) => [a.id, a.status])), usageOf: groupUsage(usage), toRelease };
}

/** The summed usage rows per account, as numbers; an API no longer in the catalog is left out. */
export function groupUsage(rows: readonly { accountId: string; api: string; calls: string; free: string; fromPacks: string }[]): Map<string, DrawnUsage[]> {
  const usageOf = new Map<string, DrawnUsage[]>();
  for (const row of rows) {
    if (!isApiId(row.api)) continue;
    const list = usageOf.get(row.accountId) ?? [];
    list.push({ api: row.api, calls: Number(row.calls), free: Number(row.free), fromPacks: Number(row.fromPacks) });
    usageOf.set(row.accountId, list);
  }
  return usageOf;
}
