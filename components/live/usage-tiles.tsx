"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { formatCount, yuanText } from "@/lib/pricing/money-text";
import { useUsageMonth } from "./use-usage-month";

/** The usage page's month-to-date figures, from the month's usage query (use-usage-month.ts). */
export function UsageTiles({ month, live }: { month: string; live: boolean }) {
  const { t } = useI18n();
  const data = useUsageMonth(month, live);
  const totals = data ?? { calls: 0, free: 0, fromPacks: 0, billable: 0, estimatedTotal: "0.00" };
  const tiles = [
    { label: t("usage.totals.calls"), value: formatCount(totals.calls), id: "calls" },
    { label: t("usage.totals.free"), value: formatCount(totals.free), id: "free" },
    { label: t("usage.totals.packs"), value: formatCount(totals.fromPacks), id: "packs" },
    { label: t("usage.totals.billable"), value: formatCount(totals.billable), id: "billable" },
    { label: t("usage.totals.estimate"), value: yuanText(totals.estimatedTotal), id: "estimate" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {tiles.map((tile) => (
        <div key={tile.id} className="rounded-lg border border-line bg-white px-4 py-3 shadow-sm" data-testid={`usage-total-${tile.id}`}>
          <dt className="text-xs text-muted">{tile.label}</dt>
          <dd className="mt-1 text-lg font-semibold text-ink tabular">{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
