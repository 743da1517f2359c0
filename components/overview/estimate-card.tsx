import Link from "@/components/ui/app-link";
import { formatMonth } from "@/lib/i18n/format-date";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { BillSummary } from "@/lib/billing/bills";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { MonthSummary } from "@/lib/metering/summary";
import { formatYuan } from "@/lib/pricing/format";
import { formatCount } from "@/lib/pricing/money-text";

/** The current month's running estimate (never called a bill) and the last bill beside it. */
export function EstimateCard({ t, locale, summary, lastBill }: { t: Translate; locale: Locale; summary: MonthSummary; lastBill: BillSummary | null }) {
  const calls = summary.apis.reduce((sum, line) => sum + line.calls, 0);
  return (
    <Card title={t("overview.estimate.title")} actions={<Badge tone="amber">{t("overview.estimate.badge")}</Badge>}>
      <p className="tabular text-2xl font-semibold text-ink" data-testid="overview-estimate">
        {formatYuan(summary.estimatedTotal)}
      </p>
      <p className="mt-1 text-xs text-muted">{t("overview.estimate.note", { calls: formatCount(calls), month: formatMonth(locale, summary.month) })}</p>
      {lastBill ? (
        <p className="mt-3 text-sm">
          <Link href={`/bills/${lastBill.month}`} className="text-ink hover:underline">
            {t("overview.estimate.lastBill", { month: formatMonth(locale, lastBill.month), total: formatYuan(lastBill.usageTotal) })}
          </Link>{" "}
          <span className="text-muted">· {t(`bill.status.${lastBill.status}`)}</span>
        </p>
      ) : null}
      <div className="mt-3 flex gap-4 text-sm">
        <Link href="/usage" className="text-brand-600 hover:underline">
          {t("overview.estimate.link")}
        </Link>
        <Link href="/bills" className="text-brand-600 hover:underline">
          {t("overview.estimate.bills")}
        </Link>
      </div>
    </Card>
  );
}
