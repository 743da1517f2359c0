"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { EstimateCard } from "@/components/overview/estimate-card";
import type { BillSummary } from "@/lib/billing/bills";
import { useUsageMonth } from "./use-usage-month";

/** The overview's running estimate of this month, from the month's usage query (the same one the usage page reads). */
export function LiveEstimateCard({ month, lastBill }: { month: string; lastBill: BillSummary | null }) {
  const { t, locale } = useI18n();
  const summary = useUsageMonth(month, true)?.summary ?? { month, apis: [], estimatedTotal: "0.00" };
  return <EstimateCard t={t} locale={locale} summary={summary} lastBill={lastBill} />;
}
