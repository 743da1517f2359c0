"use client";

import { monthLabel } from "@/components/billing/month-label";
import { useI18n } from "@/components/i18n/i18n-provider";

/** A GET form, so the month is in the URL (shareable, back button); it submits itself on change. */
export function MonthPicker({ months, current, selected }: { months: string[]; current: string; selected: string }) {
  const { t, locale } = useI18n();
  return (
    <form method="get" className="flex items-center gap-2">
      <label htmlFor="month" className="text-sm font-medium text-ink">
        {t("usage.month")}
      </label>
      <select
        id="month"
        name="month"
        defaultValue={selected}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-line bg-white px-3 py-2 text-sm text-ink focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
      >
        {months.map((month) => (
          <option key={month} value={month}>
            {month === current ? t("usage.month.current", { month: monthLabel(locale, month) }) : monthLabel(locale, month)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">{t("usage.month")}</button>
      </noscript>
    </form>
  );
}
