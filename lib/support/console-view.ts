import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { recordSupportPageView, type SupportView } from "./impersonation";
import { supportViewOf } from "./view-cookie";

/**
 * A staff member's request to the customer console while they hold a live support view: the
 * customer's session as the console sees it, with the view attached (the context builder turns it
 * into the read-only `impersonation` actor). `page` is the page being rendered; each one is audited
 * in the customer's trail (SPEC §8).
 */
export async function supportConsoleSession(
  staffUserId: string,
  page: string | undefined,
): Promise<{ userId: string; accountId: string; email: string; name: string; supportView: SupportView } | null> {
  const view = await supportViewOf(staffUserId);
  if (!view) return null;
  if (page !== undefined) await recordSupportPageView({ db: await getDb(), actor: { type: "impersonation", staffUserId, accountId: view.accountId }, now: now() }, view, page);
  return { userId: staffUserId, accountId: view.accountId, email: await viewedCustomerEmail(view.accountId), name: view.accountName, supportView: view };
}

/** The customer whose console a support view shows: their email, for the account menu. */
export async function viewedCustomerEmail(accountId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.accountId, accountId)).limit(1);
  return row?.email ?? "";
}
