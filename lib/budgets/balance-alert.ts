import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { balanceAlerts, wallets } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { notify } from "@/lib/messaging/notify";
import { Dec, formatMoney, formatYuan } from "@/lib/pricing";
import { balanceAlertStep } from "./balance-rule";
import type { BalanceAlertInput } from "./schemas";

export interface BalanceAlertView {
  enabled: boolean;
  threshold: string | null;
  /** Whether it is waiting for the balance to fall below the threshold (false: it fired and waits to re-arm). */
  armed: boolean;
}

export async function getBalanceAlert({ ctx }: { ctx: ServiceContext }): Promise<BalanceAlertView> {
  const [row] = await ctx.db.select().from(balanceAlerts).where(eq(balanceAlerts.accountId, accountOf(ctx.actor)));
  return row ? { enabled: row.enabled, threshold: formatMoney(row.threshold), armed: row.armed } : { enabled: false, threshold: null, armed: true };
}

/**
 * Evaluates an account's balance alert against its balance now (issue 13): called in the same
 * transaction as every ledger posting (lib/wallet/ledger.ts) and by run-due for the movements that
 * post in batches (the close). The conditional UPDATE … WHERE armed is what makes a crossing send
 * once: of two evaluations racing, the second finds the alert disarmed; the dedupe key (the
 * crossing's number) backs it up. Returns whether a message was sent.
 */
export async function checkBalanceAlert(db: Database, accountId: string, at: Date): Promise<boolean> {
  const [alert] = await db.select().from(balanceAlerts).where(eq(balanceAlerts.accountId, accountId));
  if (!alert?.enabled) return false;
  const [wallet] = await db.select({ cash: wallets.cash, income: wallets.income, gift: wallets.gift }).from(wallets).where(eq(wallets.accountId, accountId));
  const balance = wallet ? new Dec(wallet.cash).plus(wallet.income).plus(wallet.gift) : new Dec(0);
  const step = balanceAlertStep(alert, balance);
  if (step === "rearm") {
    await db.update(balanceAlerts).set({ armed: true }).where(and(eq(balanceAlerts.accountId, accountId), eq(balanceAlerts.armed, false)));
    return false;
  }
  if (step !== "fire") return false;
  const [fired] = await db
    .update(balanceAlerts)
    .set({ armed: false, crossings: alert.crossings + 1 })
    .where(and(eq(balanceAlerts.accountId, accountId), eq(balanceAlerts.armed, true), eq(balanceAlerts.crossings, alert.crossings)))
    .returning({ crossings: balanceAlerts.crossings });
  if (!fired) return false;
  return notify(
    { db, actor: { type: "system", reason: "balance-alert" }, now: at },
    { accountId, kind: "balance-low", product: null, params: { balance: formatYuan(balance), threshold: formatYuan(alert.threshold) }, dedupeKey: `balance-low:${fired.crossings}` },
  );
}

/** Turns the balance alert on or off and sets its threshold; it is armed afresh and checked at once. */
export async function saveBalanceAlert({ ctx, input }: { ctx: ServiceContext; input: BalanceAlertInput }): Promise<BalanceAlertView> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(balanceAlerts).where(eq(balanceAlerts.accountId, accountId));
    await tx.db
      .insert(balanceAlerts)
      .values({ accountId, threshold: input.threshold, enabled: input.enabled, armed: true, updatedAt: tx.now })
      .onConflictDoUpdate({ target: balanceAlerts.accountId, set: { threshold: input.threshold, enabled: input.enabled, armed: true, updatedAt: tx.now } });
    await recordAudit(tx, {
      action: "balance-alert.save",
      accountId,
      before: before ? { enabled: before.enabled, threshold: formatMoney(before.threshold) } : null,
      after: { enabled: input.enabled, threshold: formatMoney(input.threshold) },
    });
    await checkBalanceAlert(tx.db, accountId, tx.now);
    const [row] = await tx.db.select().from(balanceAlerts).where(eq(balanceAlerts.accountId, accountId));
    return { enabled: input.enabled, threshold: formatMoney(input.threshold), armed: row?.armed ?? true };
  });
}
