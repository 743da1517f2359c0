import "server-only";
import { eq } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";

export type AccountSummary = typeof accounts.$inferSelect;

/** The actor's own account; the id comes from the session (or API key), never from input. */
export async function getOwnAccount({ ctx }: { ctx: ServiceContext }): Promise<AccountSummary> {
  const [row] = await ctx.db.select().from(accounts).where(eq(accounts.id, accountOf(ctx.actor))).limit(1);
  if (!row) throw new NotFoundError("account-not-found");
  return row;
}
