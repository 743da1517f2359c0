import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { accountViolations, accounts, wallets } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { notify } from "@/lib/messaging/notify";
import { Dec } from "@/lib/pricing";
import { staffTool } from "./staff-tool";

const input = z.object({ accountId: z.uuid(), reason: z.string().trim().min(5).max(500) });

/**
 * Staff mark an account disabled for a content violation (SPEC §6): calls refused, no free packs, no
 * refunds. The customer is told, with the reason, in their messages and on the overview.
 */
export const markViolation = staffTool({
  roles: ["support", "admin"],
  input,
  run: async (tx, input) => {
    const [account] = await tx.db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, input.accountId)).for("update");
    if (!account) throw new NotFoundError("account-not-found");
    if (account.status === "disabled") throw new ConflictError("already-disabled");
    await tx.db.update(accounts).set({ status: "disabled" }).where(eq(accounts.id, input.accountId));
    const [row] = await tx.db
      .insert(accountViolations)
      .values({ accountId: input.accountId, reason: input.reason, markedBy: tx.actor.userId, markedAt: tx.now })
      .returning({ id: accountViolations.id });
    await recordAudit(tx, { action: "account.disabled", accountId: input.accountId, target: row?.id ?? null, before: { status: account.status }, after: { status: "disabled", reason: input.reason } });
    await notify(tx, { accountId: input.accountId, kind: "account-disabled", product: null, params: { reason: input.reason }, dedupeKey: `violation:${row?.id}` });
  },
});

/**
 * Staff lift a violation: the account is active again, or in arrears when its balance is negative
 * (the arrears clock restarts, so the customer has the full 24 hours).
 */
export const liftViolation = staffTool({
  roles: ["support", "admin"],
  input,
  run: async (tx, input) => {
    const [account] = await tx.db.select({ status: accounts.status, arrearsSince: accounts.arrearsSince }).from(accounts).where(eq(accounts.id, input.accountId)).for("update");
    if (!account) throw new NotFoundError("account-not-found");
    if (account.status !== "disabled") throw new ConflictError("not-disabled");
    const [wallet] = await tx.db.select().from(wallets).where(eq(wallets.accountId, input.accountId));
    const balance = new Dec(wallet?.cash ?? "0").plus(wallet?.income ?? "0").plus(wallet?.gift ?? "0");
    const status = balance.isNegative() ? "arrears" : "active";
    await tx.db
      .update(accounts)
      .set({ status, arrearsSince: status === "arrears" ? tx.now : null })
      .where(eq(accounts.id, input.accountId));
    const [row] = await tx.db
      .update(accountViolations)
      .set({ liftedAt: tx.now, liftedBy: tx.actor.userId, liftReason: input.reason })
      .where(and(eq(accountViolations.accountId, input.accountId), isNull(accountViolations.liftedAt)))
      .returning({ id: accountViolations.id });
    await recordAudit(tx, { action: "account.enabled", accountId: input.accountId, target: row?.id ?? null, before: { status: "disabled" }, after: { status, reason: input.reason } });
    await notify(tx, { accountId: input.accountId, kind: "account-enabled", product: null, params: { reason: input.reason }, dedupeKey: `violation-lifted:${row?.id}` });
  },
});

/** The violation in force on the caller's account, for the customer's overview (null when none). */
export async function currentViolation({ ctx }: { ctx: ServiceContext }): Promise<{ reason: string; markedAt: Date } | null> {
  const [row] = await ctx.db
    .select({ reason: accountViolations.reason, markedAt: accountViolations.markedAt })
    .from(accountViolations)
    .where(and(eq(accountViolations.accountId, accountOf(ctx.actor)), isNull(accountViolations.liftedAt)));
  return row ?? null;
}
