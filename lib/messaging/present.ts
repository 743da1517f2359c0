import { formatDate, formatDateTime, formatMonth } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { apiLabel, itemName } from "@/lib/i18n/names";
import type { MessageKey, Translate, TranslateParams } from "@/lib/i18n/translate";
import { isApiId, packsOnSaleFor, QPS_GROUP_IDS, type QpsGroupId } from "@/lib/pricing";
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
  "bill-adjusted": (params) => (typeof params.month === "string" && /^\d{4}-\d{2}$/.test(params.month) ? `/bills/${params.month}` : "/bills"),
  "licence-quoted": "/sdk",
  "transfer-received": "/balance",
  "invoice-issued": "/invoices",
  "invoice-rejected": "/invoices",
  "invoice-reversed": "/invoices",
  "member-invited": "/members",
  "pack-expiring": "/packs",
  "qps-ending": "/qps",
  "qps-renewing": "/qps",
  "qps-renewed": "/qps",
  "qps-renew-failed": "/balance",
  "licence-ending": "/sdk",
  "licence-renewing": "/sdk",
  "licence-renewed": "/sdk",
  "licence-renew-failed": "/balance",
  "password-reset": "/messages",
  "refund-approved": "/refunds",
  "qps-approved": "/qps",
  "qps-declined": "/qps",
  "account-disabled": "/",
  "account-enabled": "/",
  "balance-low": "/balance",
  "budget-actual": "/budgets",
  "budget-forecast": "/budgets",
  "goodwill-credit": "/balance",
  "support-view-started": "/security",
  "refund-complete": "/refunds",
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
  // A month's free pack (Reading FREE_PACK_IS_A_PACK) is named as such.
  if (typeof pack === "string" && params.free === 1) out.pack = t("messages.freePack", { api: out.pack as string });
  const group = params.group;
  if (typeof params.licence === "string" && ["scan-sdk-trial", "offline-sdk-trial", "offline-sdk-formal"].includes(params.licence)) out.licence = t(`messages.licence.${params.licence as "scan-sdk-trial" | "offline-sdk-trial" | "offline-sdk-formal"}`);
  if (typeof group === "string" && (QPS_GROUP_IDS as readonly string[]).includes(group)) out.group = t(`product.${group as QpsGroupId}`);
  return out;
}

/** How each stored date parameter is shown: a billing month by name, a deadline with its time, a day. */
const DATE_PARAMS = { month: "month", deadline: "dateTime", until: "date", from: "date" } as const;

/**
 * The instant a stored date parameter names. Messages store ISO instants since issue 19; older rows
 * hold the text they were sent with, which is read back here so they too show in the reader's
 * language: `2026-04-02 00:10` (a Beijing wall-clock time) or `2026年4月2日` (a Beijing day).
 */
export function storedInstant(value: string): Date | null {
  let at: Date | null = null;
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value)) at = new Date(value);
  const wall = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(value);
  if (wall) at = new Date(`${wall[1]}T${wall[2]}:00+08:00`);
  const zhDay = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(value);
  if (zhDay) at = new Date(`${zhDay[1]}-${zhDay[2]?.padStart(2, "0")}-${zhDay[3]?.padStart(2, "0")}T00:00:00+08:00`);
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

/** Months and instants become text at read time, in the reader's language; anything unreadable is shown as stored. */
function dated(locale: Locale, params: TranslateParams): TranslateParams {
  const out: TranslateParams = { ...params };
  for (const [name, shape] of Object.entries(DATE_PARAMS)) {
    const value = params[name];
    if (typeof value !== "string") continue;
    if (shape === "month") {
      if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) out[name] = formatMonth(locale, value);
      continue;
    }
    const at = storedInstant(value);
    if (at) out[name] = shape === "dateTime" ? formatDateTime(locale, at) : formatDate(locale, at);
  }
  return out;
}

/**
 * A pack alert for calls no pack is sold for (image processing, most recognition APIs: only their
 * free quota is a pack) says the calls go postpaid, not "buy another pack". Read from the stored
 * pack id, so alerts sent before this rule read right too.
 */
function bodyKey(kind: MessageKind, params: TranslateParams): MessageKey {
  const pack = params.pack;
  const postpaidNext = typeof pack === "string" && !packsOnSaleFor(pack);
  if (kind === "pack-low" && postpaidNext) return "messages.kind.pack-low.bodyPostpaid";
  if (kind === "pack-exhausted" && postpaidNext) return "messages.kind.pack-exhausted.bodyPostpaid";
  return messageBodyKey(kind);
}

/** A message as its reader sees it: title and body with names and dates in the reader's language, and the page to act on it. */
export function presentMessage(t: Translate, locale: Locale, message: { kind: string; params: TranslateParams }): { title: string; body: string | null; href: string } {
  if (!isMessageKind(message.kind)) return { title: message.kind, body: null, href: "/messages" };
  const params = named(t, dated(locale, message.params));
  const link = LINKS[message.kind];
  return { title: t(messageTitleKey(message.kind), params), body: t(bodyKey(message.kind, message.params), params), href: typeof link === "function" ? link(message.params) : link };
}
