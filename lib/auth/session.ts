import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { cookies } from "next/headers";
import { isTestMode, now, requestNow, TEST_NOW_COOKIE } from "@/lib/clock";
import type { ServiceContext } from "@/lib/context";
import { actorOf } from "@/lib/context/actor";
import { mayOpen, mayRun, type CustomerActionName, type MemberRole } from "@/lib/identity/roles";
import { staffMustChangePassword } from "@/lib/identity/staff";
import type { SupportView } from "@/lib/support/impersonation";
import { supportConsoleSession, type ConsoleAccess } from "@/lib/support/console-view";
import { currentSession as auth } from "./current-session";

export interface CustomerSession {
  userId: string;
  accountId: string;
  email: string;
  name: string;
  /** The member's role (lib/identity/roles.ts); a support view sees the account as its owner does. */
  memberRole: MemberRole;
  /** Set when a staff member is viewing this account (SPEC §8): every service then runs read-only. */
  supportView?: SupportView;
}

export interface StaffSession {
  userId: string;
  role: "support" | "admin";
  email: string;
}

/**
 * The signed-in customer, or a redirect to sign-in. Every console page calls this on the server with
 * its own path: a staff member's live support view of the account is then recorded in the customer's
 * access log (issue 17 item 5), one row per page load. The path is required so a page cannot forget.
 */
export async function requireCustomer(page: string): Promise<CustomerSession> {
  const customer = await consoleSession(page, { path: page, kind: "page" });
  // A page the member's role may not open (docs/roles.md) does not exist for them; the navigation
  // leaves it out too.
  if (!mayOpen(customer.memberRole, page)) notFound();
  return customer;
}

/**
 * The same session for the console layout and for sections rendered inside a page: the page itself
 * called `requireCustomer` with its path, which recorded a support view's access.
 */
export async function requireCustomerSection(): Promise<CustomerSession> {
  return consoleSession(undefined, null);
}

async function consoleSession(returnTo: string | undefined, access: ConsoleAccess | null): Promise<CustomerSession> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo ?? "/")}`);
  if (user.role !== "customer" || !user.accountId) {
    const viewing = user.role === "customer" ? null : await supportConsoleSession(user.id, access);
    if (viewing) return { ...viewing, memberRole: "owner" };
    redirect("/staff");
  }
  return { userId: user.id, accountId: user.accountId, email: user.email ?? "", name: user.name ?? "", memberRole: user.memberRole ?? "owner" };
}

/**
 * Whether a page shows the form of `action` to this member (docs/roles.md: a page shows only what
 * the role may do; the action refuses the rest with forbidden-role anyway). A support view sees
 * the account as its owner does.
 */
export function can(customer: CustomerSession, action: CustomerActionName): boolean {
  return mayRun(customer.memberRole, action);
}

/**
 * For pages that exist only for their owner (the sandbox checkout): signed out, a redirect to
 * sign-in; signed in as anything but a customer, a 404, the same answer as for a stranger's id.
 */
export async function requireCustomerOrNotFound(returnTo: string): Promise<CustomerSession> {
  const user = (await auth())?.user;
  if (!user?.id) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.role !== "customer" || !user.accountId) notFound();
  return { userId: user.id, accountId: user.accountId, email: user.email ?? "", name: user.name ?? "", memberRole: user.memberRole ?? "owner" };
}

/** The change-password page for staff on their one-time password. */
export const STAFF_PASSWORD_PATH = "/staff/change-password";

/**
 * The signed-in staff member, or a redirect: to sign-in, or to choose their own password while they
 * still hold the one-time password `ops create-staff` gave them (only that page passes
 * `beforePasswordChange`).
 */
export async function requireStaff(options: { beforePasswordChange?: boolean } = {}): Promise<StaffSession> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) redirect("/staff/sign-in");
  if (user.role !== "support" && user.role !== "admin") redirect("/");
  if (!options.beforePasswordChange && (await staffMustChangePassword(await getDb(), user.id))) redirect(STAFF_PASSWORD_PATH);
  return { userId: user.id, role: user.role, email: user.email ?? "" };
}

/**
 * A browser test may stand its own page views at another instant (lib/clock `requestNow`). Read only
 * on a test-mode server, and only inside a request (a route handler called directly has no cookies).
 */
async function testNowCookie(): Promise<string | undefined> {
  if (!isTestMode()) return undefined;
  try {
    return (await cookies()).get(TEST_NOW_COOKIE)?.value;
  } catch {
    return undefined;
  }
}

/**
 * One service context per request and viewer (React's cache is per request): the console layout,
 * the page and the sections inside it share it, so their reads share one `now` and the per-request
 * caches keyed on the context (lib/live/server.ts, the inbox reader's role) answer each once
 * (issue 19 item 11: the overview asked for the unread count, the reader's role and this month's
 * daily usage two or three times).
 */
const requestContext = cache(async (kind: "customer" | "impersonation", userId: string, accountId: string): Promise<ServiceContext> => {
  const actor = actorOf(kind === "impersonation" ? { kind, userId, view: { accountId } } : { kind, userId, accountId });
  return { db: await getDb(), actor, now: requestNow(await testNowCookie()) };
});

export async function customerContext(customer: CustomerSession): Promise<ServiceContext> {
  return customer.supportView ? requestContext("impersonation", customer.supportView.staffUserId, customer.accountId) : requestContext("customer", customer.userId, customer.accountId);
}

export async function staffContext(staff: StaffSession): Promise<ServiceContext> {
  return { db: await getDb(), actor: actorOf({ kind: "staff", userId: staff.userId, role: staff.role }), now: now() };
}
