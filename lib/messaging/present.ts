import { apiLabel, itemName } from "@/lib/i18n/names";
import type { Translate, TranslateParams } from "@/lib/i18n/translate";
import { isApiId, QPS_GROUP_IDS, type QpsGroupId } from "@/lib/pricing";
import { messageBodyKey, messageKinds, messageTitleKey, type MessageKind } from "./kinds";

export function isMessageKind(kind: string): kind is MessageKind {
  return (messageKinds as readonly string[]).includes(kind);
}

/** Where a message's reader acts on it. */
const LINKS: Record<MessageKind, string | ((params: TranslateParams) => string)> = {
  "pack-low": "/packs",
  "pack-exhausted": "/packs",
  arrears: "/balance",
  suspended: "/balance",
  restored: "/balance",
  "refund-rejected": "/refunds",
  "qps-lapsed": "/qps",
  "bill-ready": (params) => (typeof params.month === "string" && /^\d{4}-\d{2}$/.test(params.month) ? `/bills/${params.month}` : "/bills"),
  "purchase-complete": (params) => (typeof params.purchase === "string" && /^[0-9a-f-]{36}$/.test(params.purchase) ? `/checkout/done/${params.purchase}` : "/balance"),
  "top-up-complete": "/balance",
  "licence-quoted": "/sdk",
  "member-invited": "/members",
  "password-reset": "/messages",
  "refund-approved": "/refunds",
  "qps-approved": "/qps",
  "qps-declined": "/qps",
  "account-disabled": "/",
  "account-enabled": "/",
  "balance-low": "/balance",
  "budget-actual": "/budgets",
  "budget-forecast": "/budgets",
};

/**
 * Stored parameters hold ids (an API, a pack, a QPS group) so a message reads in either language;
 * here they become names.
 */
function named(t: Translate, params: TranslateParams): TranslateParams {
  const out: TranslateParams = { ...params };
  if (typeof params.item === "string") out.item = itemName(t, params.item);
  const pack = params.pack;
  if (typeof pack === "string") out.pack = isApiId(pack) ? apiLabel(t, pack) : itemName(t, pack);
  const group = params.group;
  if (typeof group === "string" && (QPS_GROUP_IDS as readonly string[]).includes(group)) out.group = t(`product.${group as QpsGroupId}`);
  return out;
}

/** A message as its reader sees it: title and body with names, and the page to act on it. */
export function presentMessage(t: Translate, message: { kind: string; params: TranslateParams }): { title: string; body: string | null; href: string } {
  if (!isMessageKind(message.kind)) return { title: message.kind, body: null, href: "/messages" };
  const params = named(t, message.params);
  const link = LINKS[message.kind];
  return { title: t(messageTitleKey(message.kind), params), body: t(messageBodyKey(message.kind), params), href: typeof link === "function" ? link(message.params) : link };
}
