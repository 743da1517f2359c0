"use client";

import { formatMonth } from "@/lib/i18n/format-date";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";

/**
 * A GET form, so the month is in the URL (shareable, back button); it submits itself on change.
 * `error`: the month the address asked for was refused (lib/params/calendar), said here, in the form.
 */
export function MonthPicker({ months, current, selected, error }: { months: string[]; current: string; selected: string; error?: string }) {
  const { t, locale } = useI18n();
  return (
    <form method="get" className="flex flex-wrap items-center justify-end gap-2">
      {error ? (
        <div className="basis-full" id="month-error">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <label htmlFor="month" className="text-sm font-medium text-ink">
        {t("usage.month")}
      </label>
      <select
        id="month"
        name="month"
        defaultValue={selected}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "month-error" : undefined}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-line bg-white px-3 py-2 text-sm text-ink focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
      >
        {months.map((month) => (
          <option key={month} value={month}>
            {month === current ? t("usage.month.current", { month: formatMonth(locale, month) }) : formatMonth(locale, month)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">{t("usage.month")}</button>
      </noscript>
    </form>
  );
}
