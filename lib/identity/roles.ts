import { memberRoles, type MemberRole } from "@/db/schema/identity";

export { memberRoles, type MemberRole };

/**
 * Who in a team account may do what (issue 21 item 2): the one declaration that `defineAction`
 * (lib/actions/define.ts), the console pages (`requireCustomer`), the console route handlers
 * (`consoleRouteContext`) and the navigation read. docs/roles.md is the same matrix in prose; its test
 * (lib/identity/roles.test.ts) parses the tables there and fails when the two differ.
 *
 * Adding something: a new customer action gets a line in `actions` under its manifest name
 * (`module#export`), a new console page a line in `pages` under its first path segment, a new
 * console route handler a line in `routes`; then the same line in docs/roles.md. Anything not
 * listed is refused to every member (fail closed), and the manifest's tests name what is missing.
 *
 * A support view sees the account as its owner does (still read-only: writes are refused before
 * the role is looked at).
 */
const ALL: readonly MemberRole[] = memberRoles;
const OWNER: readonly MemberRole[] = ["owner"];
const MONEY: readonly MemberRole[] = ["owner", "finance"];
const BUILD: readonly MemberRole[] = ["owner", "developer"];
/** The member's own things (their password, their inbox, their channels): every role, read-only too. */
const SELF: readonly MemberRole[] = ALL;

export const roleMatrix = {
  /** Console pages by their first path segment ("/" is the overview): who may open them. */
  pages: {
    "/": ALL,
    "/messages": ALL,
    "/security": ALL,
    "/members": ALL,
    "/profile": ALL,
    "/change-password": ALL,
    "/services": ALL,
    "/packs": ALL,
    "/qps": ALL,
    "/sdk": ALL,
    "/usage": ALL,
    "/free-quota": ALL,
    "/alerts": ALL,
    "/api-keys": ["owner", "developer", "read-only"],
    "/balance": ALL,
    "/bills": ALL,
    "/refunds": ALL,
    "/budgets": ALL,
    "/checkout": MONEY,
    // Issue 20: the order list is read by everyone who reads the balance; invoices are finance's paper.
    "/orders": ALL,
    "/invoices": ["owner", "finance", "read-only"],
  },
  /** Console route handlers (downloads and live JSON) by path prefix. */
  routes: {
    "/balance/transactions-csv": ALL,
    "/bills": ALL,
    "/usage/daily-csv": ALL,
    "/api/console/balance": ALL,
    "/api/console/packs": ALL,
    "/api/console/standing": ALL,
    "/api/console/unread": ALL,
    "/api/console/usage": ALL,
    "/api/console/forecast": ALL,
    "/api/console/free-quota": ALL,
    "/api/console/orders": ALL,
    "/orders": ALL,
    "/invoices": ["owner", "finance", "read-only"],
  },
  /** Customer server actions by their manifest name. */
  actions: {
    "alerts#updateThresholdAction": ["owner", "finance", "developer"],
    "api-keys#createApiKeyAction": BUILD,
    "api-keys#revokeApiKeyAction": BUILD,
    "balance#topUpAction": MONEY,
    "budgets#saveBudgetAction": MONEY,
    "budgets#deleteBudgetAction": MONEY,
    "budgets#saveBalanceAlertAction": MONEY,
    "change-password#changePasswordAction": SELF,
    "checkout#purchaseAction": MONEY,
    "invoices#addTitleAction": MONEY,
    "invoices#requestInvoiceAction": MONEY,
    "invoices#requestReversalAction": MONEY,
    "members#inviteMemberAction": OWNER,
    "members#revokeInvitationAction": OWNER,
    "members#changeRoleAction": OWNER,
    "members#removeMemberAction": OWNER,
    "members#transferOwnershipAction": OWNER,
    "messages#markReadAction": SELF,
    "messages#updateSubscriptionAction": SELF,
    "orders#cancelPaymentAction": MONEY,
    "packs#refundAction": MONEY,
    "profile#updateProfileAction": OWNER,
    "qps#switchModeAction": OWNER,
    "qps#requestMoreQpsAction": OWNER,
    // Renewing spends the balance, like buying QPS.
    "qps#autoRenewAction": MONEY,
    "sandbox#sandboxPayAction": MONEY,
    "sdk#scanTrialAction": BUILD,
    "sdk#offlineTrialAction": BUILD,
    "sdk#formalLicenceAction": BUILD,
    "sdk#declineQuoteAction": MONEY,
    // A licence's auto-renewal spends the balance, like QPS's (issue 22).
    "sdk#autoRenewAction": MONEY,
    "security#revokeSupportViewAction": OWNER,
    "services#activateAction": BUILD,
  },
} as const satisfies Record<"pages" | "routes" | "actions", Record<string, readonly MemberRole[]>>;

export type RoleMatrix = typeof roleMatrix;
export type CustomerActionName = keyof RoleMatrix["actions"];

function allowed(list: Record<string, readonly MemberRole[]>, key: string, role: MemberRole): boolean {
  return Object.hasOwn(list, key) && (list[key] ?? []).includes(role);
}

/** May a member of this role run the customer action (its manifest name)? Unlisted: no one. */
export function mayRun(role: MemberRole, action: string): boolean {
  return allowed(roleMatrix.actions, action, role);
}

/** The page's declared segment: "/" for the overview, else its first path segment. */
export function pageSegment(path: string): string {
  const first = path.split(/[?#]/)[0]?.split("/").filter(Boolean)[0];
  return first ? `/${first}` : "/";
}

/** May a member of this role open the console page at `path`? Unlisted: no one. */
export function mayOpen(role: MemberRole, path: string): boolean {
  return allowed(roleMatrix.pages, pageSegment(path), role);
}

/** May a member of this role read the console route at `pathname` (declared by prefix)? Unlisted: no one. */
export function mayRead(role: MemberRole, pathname: string): boolean {
  const prefix = Object.keys(roleMatrix.routes).find((p) => pathname === p || pathname.startsWith(`${p}/`));
  return prefix !== undefined && allowed(roleMatrix.routes, prefix, role);
}

export function isMemberRole(value: unknown): value is MemberRole {
  return typeof value === "string" && (memberRoles as readonly string[]).includes(value);
}
