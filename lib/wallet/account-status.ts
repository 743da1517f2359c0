import "server-only";
import { eq } from "drizzle-orm";
import { accounts } from "@/db/schema";
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
  await recordAudit(ctx, { action: "account.restored", accountId, target: accountId, before: { status: account.status }, after: { status: "active" } });
  return true;
}
