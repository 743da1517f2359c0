import { joinList } from "@/lib/i18n/list";
import { formatMonth } from "@/lib/i18n/format-date";
import { formatDate } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { apiLabel, itemName } from "@/lib/i18n/names";
import { type MessageKey, type Translate, type TranslateParams } from "@/lib/i18n/translator";
import { formatYuan, isApiId, PRODUCT_IDS, QPS_GROUP_IDS } from "@/lib/pricing";
import { isMonth } from "@/lib/pricing/months";
import { isMemberRole } from "@/lib/identity/roles";

/** An audit row as the trail stores it: the action and its own figures (`before`, `after`). */
export interface AuditRowView {
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const money = (value: unknown): string => {
  const raw = text(value).replace(/^¥/, "");
  return /^-?\d+(\.\d+)?$/.test(raw) ? formatYuan(raw) : text(value);
};

function productName(t: Translate, id: string): string {
  return (PRODUCT_IDS as readonly string[]).includes(id) || (QPS_GROUP_IDS as readonly string[]).includes(id) ? t(`product.${id}` as MessageKey) : id;
}

function month(locale: Locale, value: string): string {
  return isMonth(value) ? formatMonth(locale, value) : value;
}

function date(locale: Locale, value: unknown): string {
  const at = new Date(text(value));
  return text(value) && !Number.isNaN(at.getTime()) ? formatDate(locale, at) : "";
}

/**
 * A console address as its page's name (issue 19 item 7): "/balance" → "Balance", "/bills/2026-11"
 * → "Bill for November 2026", the live JSON and CSV downloads by what they hold. An address this
 * list does not know stays as it is, so nothing read is ever hidden.
 */
export function consolePageName(t: Translate, locale: Locale, address: string): string {
  const path = address.split("?")[0] ?? address;
  // Thunks of `t("…")`: the keys stay on the server (lib/i18n/client-keys-scan.ts reads them so).
  const nav: Record<string, () => string> = {
    "/": () => t("page.overview"),
    "/checkout": () => t("page.checkout"),
    "/change-password": () => t("page.change-password"),
    "/profile": () => t("page.profile"),
    "/messages/subscriptions": () => t("page.subscriptions"),
    "/messages": () => t("nav.messages"),
    "/security": () => t("nav.security"),
    "/services": () => t("nav.services"),
    "/packs": () => t("nav.packs"),
    "/qps": () => t("nav.qps"),
    "/sdk": () => t("nav.sdk"),
    "/usage": () => t("nav.usage"),
    "/free-quota": () => t("nav.freeQuota"),
    "/alerts": () => t("nav.alerts"),
    "/api-keys": () => t("nav.apiKeys"),
    "/balance": () => t("nav.balance"),
    "/bills": () => t("nav.bills"),
    "/refunds": () => t("nav.refunds"),
    "/budgets": () => t("nav.budgets"),
    "/usage/daily-csv": () => t("page.daily-csv"),
    "/balance/transactions-csv": () => t("page.transactions-csv"),
    "/api/console/balance": () => t("page.live.balance"),
    "/api/console/usage": () => t("page.live.usage"),
    "/api/console/packs": () => t("page.live.packs"),
    "/api/console/standing": () => t("page.live.standing"),
    "/api/console/unread": () => t("page.live.unread"),
  };
  const named = nav[path]?.();
  // A download keeps what it asked for (the dates of a CSV), after its name.
  const asked = [...new URLSearchParams(address.split("?")[1] ?? "").values()].filter(Boolean).join(" – ");
  if (named) return asked ? `${named} · ${asked}` : named;
  const bill = /^\/bills\/([^/]+)(\/csv)?$/.exec(path);
  if (bill?.[1] && isMonth(bill[1])) return bill[2] ? t("page.bill-csv", { month: month(locale, bill[1]) }) : t("page.bill", { month: month(locale, bill[1]) });
  if (/^\/checkout\/done\/[^/]+$/.test(path)) return t("page.receipt");
  return address;
}

/** A server action's name (`checkout#purchaseAction`) as what it would have done: "buy a pack". */
export function attemptName(t: Translate, action: string): string {
  const named = t(`attempt.${action.split("#")[0] ?? ""}` as MessageKey);
  // The translator answers an unknown key with the key itself.
  return named.startsWith("attempt.") ? t("attempt.other") : named;
}

/** The figures of a row, named, as the catalog's `audit.<action>` entries take them. */
function paramsOf(t: Translate, locale: Locale, row: AuditRowView): TranslateParams {
  const after = record(row.after);
  const before = record(row.before);
  const either = (key: string): unknown => after[key] ?? before[key];
  const returned = record(after.returned);
  const pack = text(either("pack"));
  const item = text(after.item);
  const group = text(after.group ?? (row.action === "qps.mode-changed" ? row.target : ""));
  const product = text(after.product ?? (row.action === "service.activated" || row.action === "alerts.thresholds-update" ? row.target : ""));
  const scope = text(row.target ?? "");
  const thresholds = Array.isArray(either("thresholds")) ? joinList(locale, (either("thresholds") as unknown[]).map((p) => `${text(p)}%`)) : "";
  const mode = text(after.mode);
  const book = text(after.to);
  return {
    email: text(after.email),
    role: text(after.role),
    companyName: text(after.companyName),
    contactPhone: text(after.contactPhone) || "—",
    amount: money(returned.total ?? either("amount") ?? after.threshold),
    until: date(locale, after.expiresAt),
    book: book === "cash" || book === "gift" ? t(`audit.book.${book}`) : book,
    month: month(locale, text(after.month ?? row.target ?? "")),
    product: productName(t, product),
    // A pack's catalog id or an API id, by its name; a pack row's uuid (refund rows) is not a name.
    pack: isApiId(pack) ? apiLabel(t, pack) : itemName(t, pack),
    item: itemName(t, item),
    quantity: text(after.quantity),
    recent: text(after.recentRefunds),
    group: group ? productName(t, group) : "",
    mode: mode === "qps" || mode === "calls" ? t(`audit.mode.${mode}`) : mode,
    qps: text(after.totalQps ?? after.maxQps),
    from: date(locale, after.appliesFrom),
    package: text(after.packageName),
    years: Number(after.years ?? 0),
    price: money(after.price),
    count: Number(after.count ?? 0),
    name: text(either("name")),
    percent: text(after.lowPercent),
    reason: text(after.reason),
    page: consolePageName(t, locale, text(after.path)),
    attempt: attemptName(t, text(after.action)),
    scope: scope === "account" ? t("budgets.scope.account") : productName(t, scope),
    thresholds,
    state: after.enabled === false ? t("audit.alert.off") : t("audit.alert.on"),
    action: row.action,
    number: text(after.number),
    // A member's role by its name (issue 21); the raw id if it is not one.
    memberRole: isMemberRole(either("role")) ? t(`members.role.${text(either("role"))}` as MessageKey) : text(either("role")),
  };
}

/** One audit row in words, in the reader's language: staff pages and the customer's log alike. */
export function auditText(t: Translate, locale: Locale, row: AuditRowView): string {
  const params = paramsOf(t, locale, row);
  const described = t(`audit.${row.action}` as MessageKey, params);
  // The translator answers an unknown key with the key itself: an action without a description yet.
  return described === "audit." + row.action ? t("audit.unknown", params) : described;
}
