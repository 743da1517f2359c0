import { EmptyState } from "@/components/ui/table";
import { formatDate, formatDateTime, formatMonth, formatTime } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan, isMonth } from "@/lib/pricing";
import { QPS_GROUP_IDS, type QpsGroupId } from "@/lib/pricing/catalog/qps";
import type { StaffActivity } from "@/lib/support/access-log";
import { itemName } from "@/lib/i18n/names";
import { auditText } from "./audit-text";

const money = (text: string | undefined) => (text ? formatYuan(text) : "");
/** A QPS group by its product name; an unknown one as stored. */
const groupName = (t: Translate, group: string | undefined) => (group && (QPS_GROUP_IDS as readonly string[]).includes(group) ? t(`product.${group as QpsGroupId}`) : (group ?? ""));

/**
 * One readable line per audited staff action; an action this list does not know still shows, by its name.
 * A customer's own step names the member who took it, "You" for the viewer (issue 21 item 5).
 */
export function staffActivityText(t: Translate, locale: Locale, item: StaffActivity, viewerId?: string): string {
  const staff = item.staffName ?? t("security.staff.operator");
  const d = item.details;
  if (item.byCustomer) {
    const what = customerStep(t, item);
    return item.member && item.member.userId !== viewerId ? t("security.staff.invoice.member", { name: item.member.name, what }) : t("security.staff.invoice.you", { what });
  }
  switch (item.action) {
    case "support.account-viewed":
      return item.count ? t("security.staff.support.account-viewed.visit", { staff, count: item.count }) : t("security.staff.support.account-viewed", { staff });
    case "account.create":
    case "account.disabled":
    case "account.enabled":
    case "refund.review-rejected":
    case "qps.increase-declined":
      return t(`security.staff.${item.action}`, { staff });
    case "wallet.credit":
      return t("security.staff.wallet.credit", { staff, amount: money(d.amount), book: t(d.to === "cash" ? "security.staff.book.cash" : "security.staff.book.gift") });
    case "wallet.voucher-granted":
      return t("security.staff.wallet.voucher-granted", { staff, amount: money(d.amount) });
    case "packs.gift-granted":
      return t("security.staff.packs.gift-granted", { staff, pack: d.pack ? itemName(t, d.pack) : "" });
    case "refund.review-approved":
      return t("security.staff.refund.review-approved", { staff, amount: money(d.total) });
    case "qps.increase-approved": {
      const from = d.appliesFrom ? new Date(d.appliesFrom) : null;
      return t("security.staff.qps.increase-approved", { staff, qps: d.maxQps ?? "", group: groupName(t, d.group), from: from && !Number.isNaN(from.getTime()) ? formatDate(locale, from) : "" });
    }
    case "bill.adjustment-requested":
    case "bill.adjustment-posted":
    case "bill.adjustment-approved":
    case "bill.adjustment-rejected": {
      const params = { staff, amount: money(d.amount), month: d.month && isMonth(d.month) ? formatMonth(locale, d.month) : (d.month ?? "") };
      // A note under the approval threshold is posted at once: its request waited for nobody.
      const direct = item.action === "bill.adjustment-requested" && d.approval === "not-required";
      return t(direct ? "security.staff.bill.adjustment-requested-direct" : `security.staff.${item.action}`, params);
    }
    case "licence.quoted":
      return t("security.staff.licence.quoted", { staff, price: money(d.price), package: d.packageName ?? "", years: Number(d.years ?? 0) });
    case "transfer.line-assigned":
      return t("security.staff.transfer.line-assigned", { staff, amount: money(d.amount), reason: item.reason ?? "" });
    case "wallet.transfer-credited":
      return t("security.staff.wallet.transfer-credited", { staff, amount: money(d.amount) });
    case "invoice.issued":
      return t("security.staff.invoice.issued", { staff, number: d.number ?? "", amount: money(d.amount) });
    case "invoice.rejected":
      return t("security.staff.invoice.rejected", { staff, amount: money(d.amount), reason: item.reason ?? "" });
    case "invoice.reversed":
      return t("security.staff.invoice.reversed", { staff, number: d.number ?? "", red: d.red ?? "" });
    default:
      return t("security.staff.other", { staff, action: auditText(t, locale, { action: item.action, after: item.details }) });
  }
}

/** A visit's first and last opening: the day once when both are on it. */
function visitSpan(locale: Locale, first: Date, last: Date): string {
  const sameDay = formatDate(locale, first) === formatDate(locale, last);
  return `${formatDateTime(locale, first)} – ${sameDay ? formatTime(locale, last) : formatDateTime(locale, last)}`;
}

/** The customer's own invoice steps, as the access log lists them. */
function customerStep(t: Translate, item: StaffActivity): string {
  const d = item.details;
  switch (item.action) {
    case "invoice.requested":
      return t("security.invoice.requested", { amount: money(d.amount) });
    case "invoice.title-added":
      return t("security.invoice.title-added", { company: d.companyName ?? "" });
    case "invoice.reversal-requested":
      return t("security.invoice.reversal-requested", { number: d.number ?? "" });
    case "invoice.downloaded":
      return t("security.invoice.downloaded", { number: d.number ?? "" });
    default:
      return item.action;
  }
}

/**
 * The customer's view of what staff did outside a support session (issue 17 item 5): who, what,
 * when and the reason they gave. Staff-typed text is rendered as React text, so markup in a reason
 * shows as characters (lib/support/staff-activity-render.test.ts).
 */
export function StaffActivityList({ t, locale, items, viewerId }: { t: Translate; locale: Locale; items: readonly StaffActivity[]; viewerId?: string }) {
  if (items.length === 0) return <EmptyState>{t("security.staff.none")}</EmptyState>;
  return (
    <ul className="divide-y divide-line text-sm">
      {items.map((item) => (
        <li key={item.id} data-testid="staff-activity" className="flex flex-wrap justify-between gap-2 py-2">
          <span className="min-w-0 break-words">
            {staffActivityText(t, locale, item, viewerId)}
            {item.reason ? <span className="block text-muted">{t("security.staff.reason", { reason: item.reason })}</span> : null}
          </span>
          <span className="text-muted">{item.firstAt ? visitSpan(locale, item.firstAt, item.at) : formatDateTime(locale, item.at)}</span>
        </li>
      ))}
    </ul>
  );
}
