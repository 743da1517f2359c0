import { auditLog } from "@/db/schema";
import type { Actor, ServiceContext } from "@/lib/context";

/** Every audited action. Adding one here is how a new mutation declares itself. */
export type AuditAction =
  | "account.sign-up"
  | "account.create"
  | "account.profile-updated"
  | "staff.create"
  | "auth.sign-in"
  | "auth.sign-in-failed"
  | "auth.sign-out"
  | "auth.password-changed"
  | "auth.password-reset-requested"
  | "auth.password-reset"
  | "wallet.top-up-created"
  | "wallet.top-up-paid"
  // Issue 20: an unpaid top-up closed (abandoned by the customer or expired); a provider notice held for staff.
  | "wallet.top-up-closed"
  | "wallet.payment-notice-held"
  | "wallet.credit"
  | "wallet.voucher-granted"
  | "account.restored"
  | "account.suspended"
  | "bill.issued"
  | "service.activated"
  | "packs.free-issued"
  | "packs.gift-granted"
  | "purchase.paid"
  | "refund.approved"
  | "refund.pending-review"
  | "qps.mode-changed"
  | "qps.auto-renew-on"
  | "qps.auto-renew-off"
  | "licence.auto-renew-on"
  | "licence.auto-renew-off"
  | "qps.increase-requested"
  | "licence.trial-started"
  | "licence.formal-requested"
  | "messages.read"
  | "subscriptions.update"
  | "api-key.create"
  // Team accounts (issue 21).
  | "member.invite"
  | "member.invitation-revoke"
  | "member.join"
  | "member.role-changed"
  | "member.removed"
  | "member.ownership-transferred"
  | "api-key.revoke"
  | "alerts.thresholds-update"
  // Support access (issue 10): rows in the customer's own trail, actor `impersonation` or `staff`.
  | "support.view-started"
  | "support.view-stopped"
  | "support.view-expired"
  | "support.view-revoked"
  | "support.page-viewed"
  // A write the read-only support view tried and was refused (issue 19 item 7).
  | "support.write-refused"
  // Staff opened the account's page in the support console (email, phone, balance): issue 17 item 5.
  | "support.account-viewed"
  | "refund.review-approved"
  | "refund.review-rejected"
  | "qps.increase-approved"
  | "qps.increase-declined"
  | "account.disabled"
  | "account.enabled"
  | "licence.quoted"
  | "licence.quote-declined"
  | "budgets.save"
  | "budgets.delete"
  | "balance-alert.save"
  // Bill adjustments (issue 22 part 2): credit notes requested, approved, rejected, posted.
  | "bill.adjustment-requested"
  | "bill.adjustment-approved"
  | "bill.adjustment-rejected"
  | "bill.adjustment-posted"
  // Operators (npm run ops): the raw usage events of an old closed month dropped (retention).
  | "usage.raw-events-dropped"
  // Bank transfers (issue 20 item 2): a statement line credited by its reference, left for staff, assigned by staff.
  | "wallet.transfer-credited"
  | "transfer.line-unmatched"
  | "transfer.line-assigned"
  // Invoices (issue 20 item 4).
  | "invoice.title-added"
  | "invoice.requested"
  | "invoice.issued"
  | "invoice.rejected"
  | "invoice.reversal-requested"
  | "invoice.reversed"
  | "invoice.downloaded";

export interface AuditEntry {
  action: AuditAction;
  accountId?: string | null;
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

function actorColumns(actor: Actor): { actorType: typeof auditLog.$inferInsert.actorType; actorId: string | null } {
  switch (actor.type) {
    case "customer":
      return { actorType: "customer", actorId: actor.userId };
    case "staff":
      return { actorType: "staff", actorId: actor.userId };
    case "impersonation":
      return { actorType: "impersonation", actorId: actor.staffUserId };
    case "api-key":
      return { actorType: "api-key", actorId: actor.keyId };
    case "system":
    case "anonymous":
      return { actorType: "system", actorId: actor.type === "system" ? (actor.reason ?? null) : null };
  }
}

function row(ctx: ServiceContext, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    at: ctx.now,
    ...actorColumns(ctx.actor),
    accountId: entry.accountId ?? null,
    action: entry.action,
    target: entry.target ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

/**
 * Appends one audit row using `ctx.db`, which a service passes as its transaction so the row commits
 * with the change. The only writer of audit rows (with its batch form below); the database refuses
 * any UPDATE or DELETE of them.
 */
export async function recordAudit(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await ctx.db.insert(auditLog).values(row(ctx, entry));
}

/** Many rows, one statement: for jobs (the close, arrears, lapse) that act on many accounts at once. */
export async function recordAuditBatch(ctx: ServiceContext, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await ctx.db.insert(auditLog).values(entries.map((entry) => row(ctx, entry)));
}
