import type { MessageKey } from "@/lib/i18n/translate";

/** Every kind of message the console sends; its title and body live in the messaging catalog. */
export const messageKinds = [
  "pack-low",
  "pack-exhausted",
  "arrears",
  "suspended",
  "restored",
  "refund-rejected",
  "qps-lapsed",
  "password-reset",
  "refund-approved",
  "qps-approved",
  "qps-declined",
  "account-disabled",
  "account-enabled",
  "balance-low",
  "budget-actual",
  "budget-forecast",
  "bill-ready",
  "purchase-complete",
  "top-up-complete",
  "licence-quoted",
  // Issue 19 item 7: what staff did for or to the account, and a refund that needed no review.
  "goodwill-credit",
  "support-view-started",
  "refund-complete",
  "transfer-received",
  "invoice-issued",
  "invoice-rejected",
  "invoice-reversed",
  "bill-adjusted",
  "member-invited",
  "pack-expiring",
  "qps-ending",
  "licence-ending",
  // Issue 22: auto-renewal of monthly QPS (lib/quota/auto-renew.ts): before, after, and when the balance is short.
  "qps-renewing",
  "qps-renewed",
  "qps-renew-failed",
  // Issue 22: auto-renewal of a formal offline-SDK licence (lib/purchases/licence-auto-renew.ts).
  "licence-renewing",
  "licence-renewed",
  "licence-renew-failed",
] as const;
export type MessageKind = (typeof messageKinds)[number];

/**
 * Billing and account messages (issue 22): they go to the owner's email by default, beside the
 * inbox, until the customer sets the account topic's email channel themselves (Reading
 * BILLING_MESSAGES_EMAIL_BY_DEFAULT).
 */
export const billingMessageKinds: readonly MessageKind[] = ["bill-ready", "arrears", "suspended", "restored", "balance-low", "budget-actual", "budget-forecast"];

export function messageTitleKey(kind: MessageKind): MessageKey {
  return `messages.kind.${kind}.title`;
}

export function messageBodyKey(kind: MessageKind): MessageKey {
  return `messages.kind.${kind}.body`;
}
