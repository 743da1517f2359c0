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

/**
 * The inbox's filters (issue 19 review: 270 unread with no way to find a bill among pack alerts):
 * what a message is about. Packs and quota: the resources the developers keep running; billing: money
 * in and out; account: who may use the account and how.
 */
export const inboxFilters = ["unread", "packs", "billing", "account"] as const;
export type InboxFilter = (typeof inboxFilters)[number];
export type MessageTopic = Exclude<InboxFilter, "unread">;

export const messageTopic: Record<MessageKind, MessageTopic> = {
  "pack-low": "packs",
  "pack-exhausted": "packs",
  "pack-expiring": "packs",
  "qps-lapsed": "packs",
  "qps-approved": "packs",
  "qps-declined": "packs",
  "qps-ending": "packs",
  "qps-renewing": "packs",
  "qps-renewed": "packs",
  "qps-renew-failed": "packs",
  "licence-ending": "packs",
  "licence-renewing": "packs",
  "licence-renewed": "packs",
  "licence-renew-failed": "packs",
  "licence-quoted": "billing",
  arrears: "billing",
  "balance-low": "billing",
  "budget-actual": "billing",
  "budget-forecast": "billing",
  "bill-ready": "billing",
  "bill-adjusted": "billing",
  "purchase-complete": "billing",
  "top-up-complete": "billing",
  "transfer-received": "billing",
  "goodwill-credit": "billing",
  "invoice-issued": "billing",
  "invoice-rejected": "billing",
  "invoice-reversed": "billing",
  "refund-approved": "billing",
  "refund-rejected": "billing",
  "refund-complete": "billing",
  suspended: "account",
  restored: "account",
  "account-disabled": "account",
  "account-enabled": "account",
  "support-view-started": "account",
  "password-reset": "account",
  "member-invited": "account",
};

/** The kinds a topic filter lists. */
export function kindsOfTopic(topic: MessageTopic): MessageKind[] {
  return messageKinds.filter((kind) => messageTopic[kind] === topic);
}

/** A filter named in a URL (`?show=`): absent is every message; an unknown name is null (the page answers 404). */
export function parseInboxFilter(value: string | readonly string[] | undefined): InboxFilter | "all" | null {
  if (value === undefined || value === "") return "all";
  if (typeof value !== "string") return null;
  return (inboxFilters as readonly string[]).includes(value) ? (value as InboxFilter) : null;
}
