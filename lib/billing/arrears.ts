import "server-only";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { accounts, wallets } from "@/db/schema";
import { recordAuditBatch } from "@/lib/audit";
import type { ServiceContext } from "@/lib/context";
import { notifyMany } from "@/lib/messaging/notify";
import { formatYuan, Dec } from "@/lib/pricing";
import { ARREARS_GRACE_MS } from "./close";

/**
 * SPEC §6: an account in arrears for 24 hours and still negative is suspended — its APIs refuse
 * calls and it gets no free packs — and told so. Accounts whose balance came back meanwhile are left
 * to the top-up path (which restores them at once). Idempotent: run as often as you like.
 */
export async function suspendOverdue({ ctx }: { ctx: ServiceContext }): Promise<{ suspended: number }> {
  return ctx.db.transaction(async (db) => {
    const due = await db
      .select({ id: accounts.id, cash: wallets.cash, income: wallets.income, gift: wallets.gift })
      .from(accounts)
      .innerJoin(wallets, eq(wallets.accountId, accounts.id))
      .where(and(eq(accounts.status, "arrears"), lte(accounts.arrearsSince, new Date(ctx.now.getTime() - ARREARS_GRACE_MS)), sql`${wallets.cash} + ${wallets.income} + ${wallets.gift} < 0`))
      .for("update", { of: accounts });
    if (due.length === 0) return { suspended: 0 };
    await db.update(accounts).set({ status: "suspended" }).where(inArray(accounts.id, due.map((a) => a.id)));
    await notifyMany(
      { ...ctx, db },
      due.map((account) => ({
        accountId: account.id,
        kind: "suspended",
        product: null,
        params: { balance: formatYuan(new Dec(account.cash).plus(account.income).plus(account.gift)) },
        dedupeKey: `suspended:${ctx.now.toISOString().slice(0, 10)}`,
      })),
    );
    await recordAuditBatch(
      { ...ctx, db, actor: { type: "system", reason: "run-due" } },
      due.map((a) => ({ action: "account.suspended", accountId: a.id, target: a.id, before: { status: "arrears" }, after: { status: "suspended" } })),
    );
    return { suspended: due.length };
  });
}
