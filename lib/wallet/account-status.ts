import "server-only";
import { and, eq } from "drizzle-orm";
import { accounts, bills } from "@/db/schema";
import { notify } from "@/lib/messaging/notify";
import { formatYuan } from "@/lib/pricing";
import { recordAudit } from "@/lib/audit";
import type { ServiceContext } from "@/lib/context";
import { spendable, type WalletRow } from "./ledger";

/**
 * SPEC §6: a top-up (or credit) that brings the balance to ≥ 0 returns an account in arrears or
 * suspended to `active` at once. A `disabled` account stays disabled: that is a staff decision.
 * Called inside the money move's transaction with the wallet as it is after the move.
 */
export async function restoreIfSettled(ctx: ServiceContext, accountId: string, wallet: Pick<WalletRow, "cash" | "income" | "gift">): Promise<boolean> {
  if (spendable(wallet).isNegative()) return false;
  const [account] = await ctx.db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId)).for("update");
  if (!account || (account.status !== "arrears" && account.status !== "suspended")) return false;
  await ctx.db.update(accounts).set({ status: "active", arrearsSince: null }).where(eq(accounts.id, accountId));
  // The bills that put it in arrears are now settled (SPEC §6–7), and the customer is told.
  await ctx.db.update(bills).set({ status: "settled", settledAt: ctx.now }).where(and(eq(bills.accountId, accountId), eq(bills.status, "arrears")));
  await notify(ctx, { accountId, kind: "restored", product: null, params: { balance: formatYuan(spendable(wallet)) }, dedupeKey: `restored:${ctx.now.toISOString()}` });
  await recordAudit(ctx, { action: "account.restored", accountId, target: accountId, before: { status: account.status }, after: { status: "active" } });
  return true;
}
