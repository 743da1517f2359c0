import type { Translate } from "@/lib/i18n/translate";

/** The usage page's daily usage of the shown month as CSV (issue 11 item 7). */
export function DailyUsageCsvLink({ t, month }: { t: Translate; month: string }) {
  return (
    <p className="text-right text-sm">
      <a href={`/usage/daily-csv?month=${month}`} download className="text-brand-600 hover:underline" data-testid="daily-usage-csv">
        {t("export.dailyUsage")}
      </a>
    </p>
  );
}
