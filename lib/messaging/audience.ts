import { memberRoles, type MemberRole } from "@/db/schema/identity";
import type { MessageKind } from "./kinds";

const ALL: readonly MemberRole[] = memberRoles;
/** Money: bills, arrears, balance, budgets, invoices, top-ups, transfers, purchases and refunds. */
const MONEY: readonly MemberRole[] = ["owner", "finance"];
/** Building: packs running out and QPS. */
const BUILD: readonly MemberRole[] = ["owner", "developer"];
const OWNER: readonly MemberRole[] = ["owner"];

/**
 * Who in a team account a message is for (issue 21 item 5): the one declaration the inbox (which
 * messages a member lists and counts) and the deliveries (which members' channels get it) read.
 * docs/roles.md "Messages" is the same table in prose. Owners are in every audience.
 */
export const messageAudience: Record<MessageKind, readonly MemberRole[]> = {
  "pack-low": BUILD,
  "pack-exhausted": BUILD,
  "qps-lapsed": BUILD,
  "qps-approved": BUILD,
  "qps-declined": BUILD,
  // Renewal reminders (issue 22 part 4): packs and QPS are the developers' to renew; a licence is
  // bought by finance, and the developers ship the app that carries it.
  "pack-expiring": BUILD,
  "qps-ending": BUILD,
  "licence-ending": ALL,
  // QPS auto-renew (issue 22 part 4) spends the balance: money, and the developers' quota.
  "qps-renewing": ALL,
  "qps-renewed": ALL,
  "qps-renew-failed": ALL,
  // Licence auto-renew, likewise: money, and the app that carries the licence.
  "licence-renewing": ALL,
  "licence-renewed": ALL,
  "licence-renew-failed": ALL,
  arrears: MONEY,
  suspended: MONEY,
  restored: MONEY,
  "balance-low": MONEY,
  "budget-actual": MONEY,
  "budget-forecast": MONEY,
  "bill-ready": MONEY,
  "bill-adjusted": MONEY,
  "purchase-complete": MONEY,
  "top-up-complete": MONEY,
  "transfer-received": MONEY,
  "goodwill-credit": MONEY,
  "invoice-issued": MONEY,
  "invoice-rejected": MONEY,
  "invoice-reversed": MONEY,
  "refund-approved": MONEY,
  "refund-rejected": MONEY,
  "refund-complete": MONEY,
  // A quote for an SDK licence is declined or paid by finance (roles.ts sdk#declineQuoteAction).
  "licence-quoted": MONEY,
  "member-invited": OWNER,
  // The whole account's business: it was disabled or lifted, staff opened a support view, a reset.
  "account-disabled": ALL,
  "account-enabled": ALL,
  "support-view-started": ALL,
  "password-reset": ALL,
};

/** The message kinds a member of this role reads. */
export function kindsFor(role: MemberRole): MessageKind[] {
  return (Object.keys(messageAudience) as MessageKind[]).filter((kind) => messageAudience[kind].includes(role));
}

/** Is a message of this kind (as stored: any string) for this role? An unknown kind: owners only. */
export function isFor(kind: string, role: MemberRole): boolean {
  return Object.hasOwn(messageAudience, kind) ? messageAudience[kind as MessageKind].includes(role) : role === "owner";
}
