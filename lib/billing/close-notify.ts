import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { accounts } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { notifyMany, type Notification } from "@/lib/messaging/notify";
import { formatYuan, type Dec, type Month } from "@/lib/pricing";
import type { IssuedBill } from "./close-write";

/** SPEC §6: how long an account stays in arrears before its services are suspended. */
export const ARREARS_GRACE_MS = 24 * 3_600_000;

/** The arrears messages of a close: the balance left, and when the services stop (Shanghai time, SPEC §1). */
export function arrearsNotifications(month: Month, at: Date, arrears: readonly { accountId: string; balance: Dec }[]): Notification[] {
  const deadline = new Date(at.getTime() + ARREARS_GRACE_MS);
  // An instant, not text: the inbox shows it in each reader's language (lib/messaging/present.ts).
  return arrears.map((account) => ({ accountId: account.accountId, kind: "arrears", product: null, params: { balance: formatYuan(account.balance), month, deadline: deadline.toISOString() }, dedupeKey: `arrears:${month}` }));
}

/** Every new bill is announced, linking to it (the arrears message says what to do about it). */
export function billReadyNotifications(month: Month, issued: readonly IssuedBill[], usageTotalOf: ReadonlyMap<string, string>): Notification[] {
  return issued.map((bill) => ({ accountId: bill.accountId, kind: "bill-ready", product: null, params: { month, total: formatYuan(usageTotalOf.get(bill.accountId) ?? "0") }, dedupeKey: `bill-ready:${month}` }));
}

/**
 * Moves the accounts a close left negative to arrears (only those still active), then sends the
 * messages in their order: arrears first, then bill-ready.
 */
export async function notifyClose(ctx: ServiceContext, month: Month, newArrears: readonly { accountId: string; balance: Dec }[], issued: readonly IssuedBill[], usageTotalOf: ReadonlyMap<string, string>): Promise<void> {
  if (newArrears.length > 0) {
    await ctx.db
      .update(accounts)
      .set({ status: "arrears", arrearsSince: ctx.now })
      .where(and(inArray(accounts.id, newArrears.map((a) => a.accountId)), eq(accounts.status, "active")));
    await notifyMany(ctx, arrearsNotifications(month, ctx.now, newArrears));
  }
  if (issued.length > 0) await notifyMany(ctx, billReadyNotifications(month, issued, usageTotalOf));
}
