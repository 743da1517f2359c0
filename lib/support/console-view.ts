import "server-only";
import { cache } from "react";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { actorOf } from "@/lib/context/actor";
import { recordSupportAccess, type ConsoleAccessKind, type SupportView } from "./impersonation";
import { supportViewOf } from "./view-cookie";

/** What a request to the customer console reads: a page it renders, a file it downloads, or live JSON. */
export interface ConsoleAccess {
  path: string;
  kind: ConsoleAccessKind;
}

/**
 * One row per access per request (issue 17 item 5): a page asks for its session from the page, its
 * metadata and its sections, and each would otherwise write one. React's cache is per request.
 */
const recordOnce = cache(async (staffUserId: string, viewId: string, accountId: string, path: string, kind: ConsoleAccessKind): Promise<void> => {
  await recordSupportAccess({ db: await getDb(), actor: actorOf({ kind: "impersonation", userId: staffUserId, view: { accountId } }), now: now() }, { id: viewId, accountId }, { path, kind });
});

/**
 * A staff member's request to the customer console while they hold a live support view: the
 * customer's session as the console sees it, with the view attached (the context builder turns it
 * into the read-only `impersonation` actor). Every page, download and live read that resolves a
 * support view goes through here, and this is what writes the customer's access-log row (SPEC §8),
 * so a new page or route cannot read the account without leaving one. `access` is null only for the
 * console layout and the sections inside a page, whose page records itself.
 */
export async function supportConsoleSession(
  staffUserId: string,
  access: ConsoleAccess | null,
): Promise<{ userId: string; accountId: string; email: string; name: string; supportView: SupportView } | null> {
  const view = await supportViewOf(staffUserId);
  if (!view) return null;
  if (access) await recordOnce(staffUserId, view.id, view.accountId, access.path.slice(0, 300), access.kind);
  return { userId: staffUserId, accountId: view.accountId, email: await viewedCustomerEmail(view.accountId), name: view.accountName, supportView: view };
}

/** The customer whose console a support view shows (its first owner: the view is the owner's), for the account menu. */
export async function viewedCustomerEmail(accountId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.memberRole, "owner"), isNull(users.removedAt)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return row?.email ?? "";
}
