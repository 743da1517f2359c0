import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { accounts, bankStatementLines } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { assertStaff } from "@/lib/context/access";

export type QueuedLine = typeof bankStatementLines.$inferSelect;

/** Lines waiting for staff (oldest first) and the last lines staff assigned, with the account's name. */
export async function bankTransferQueue({ ctx }: { ctx: ServiceContext }) {
  assertStaff(ctx.actor);
  const waiting = await ctx.db
    .select()
    .from(bankStatementLines)
    .where(inArray(bankStatementLines.status, ["unmatched", "ambiguous"]))
    .orderBy(asc(bankStatementLines.importedAt), asc(bankStatementLines.bookedOn))
    .limit(200);
  const assigned = await ctx.db
    .select({ line: bankStatementLines, accountName: accounts.name })
    .from(bankStatementLines)
    .innerJoin(accounts, eq(accounts.id, bankStatementLines.accountId))
    .where(eq(bankStatementLines.status, "assigned"))
    .orderBy(desc(bankStatementLines.assignedAt))
    .limit(20);
  return { waiting, assigned };
}
