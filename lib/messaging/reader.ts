import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { users } from "@/db/schema/identity";
import { messages } from "@/db/schema/messaging";
import type { ServiceContext } from "@/lib/context";
import type { MemberRole } from "@/db/schema/identity";
import { kindsFor } from "./audience";

/**
 * The role a message reader reads as: a member's own role (read from the users table, so a role
 * change applies to the next read); anyone else (a support view, staff, the system) reads as the
 * owner does. A member not found reads nothing beyond `read-only`'s share.
 */
export async function readerRole(ctx: ServiceContext): Promise<MemberRole> {
  if (ctx.actor.type !== "customer") return "owner";
  const [row] = await ctx.db
    .select({ role: users.memberRole })
    .from(users)
    .where(and(eq(users.id, ctx.actor.userId), eq(users.accountId, ctx.actor.accountId)))
    .limit(1);
  return row?.role ?? "read-only";
}

/** The inbox rows a reader of this role sees (issue 21 item 5): an owner every message, others their audience's. */
export function audienceFilter(role: MemberRole): SQL | undefined {
  return role === "owner" ? undefined : inArray(messages.kind, kindsFor(role));
}
