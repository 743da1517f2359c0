import Link from "@/components/ui/app-link";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatMonth } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { methodLabel } from "@/lib/orders/labels";
import { orderKinds, orderMethods, orderStatuses } from "@/lib/orders/list";

export interface OrderFilterValues {
  kind?: string;
  status?: string;
  method?: string;
  month?: string;
}

/** A query string of the filter in force (and a page), for links. */
export function orderQuery(values: OrderFilterValues & { page?: number }): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== "" && !(key === "page" && value === 1)) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The order list's filter: a plain GET form (works without JavaScript), and its CSV download with the same filter. */
export function OrderFilter({ t, locale, values, invalid, months }: { t: Translate; locale: Locale; values: OrderFilterValues; invalid: boolean; months: readonly string[] }) {
  const select = (name: "kind" | "status" | "method", label: string, options: readonly string[], text: (value: string) => string) => (
    <div className="space-y-1">
      <label htmlFor={`orders-${name}`} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <select id={`orders-${name}`} name={name} defaultValue={values[name] ?? ""} className={`${inputClass} w-40`}>
        <option value="">{t("orders.filter.any")}</option>
        {options.map((value) => (
          <option key={value} value={value}>
            {text(value)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="/orders" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("orders.table")}>
      {invalid ? (
        <div className="basis-full">
          <Alert tone="error">{t("orders.filter.invalid")}</Alert>
        </div>
      ) : null}
      {select("kind", t("orders.filter.kind"), orderKinds, (v) => t(`orders.kind.${v as (typeof orderKinds)[number]}`))}
      {select("status", t("orders.filter.status"), orderStatuses, (v) => t(`orders.status.${v as (typeof orderStatuses)[number]}`))}
      {select("method", t("orders.filter.method"), orderMethods, (v) => methodLabel(t, v))}
      <div className="space-y-1">
        <label htmlFor="orders-month" className="block text-xs font-medium text-muted">
          {t("orders.filter.month")}
        </label>
        {/* The account's months by name, newest first: a native month input shows an empty "--------- ----" and US-style months. */}
        <select id="orders-month" name="month" defaultValue={values.month ?? ""} className={`${inputClass} w-40`}>
          <option value="">{t("orders.filter.any")}</option>
          {months.map((month) => (
            <option key={month} value={month}>
              {formatMonth(locale, month)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary", "px-3 py-2")}>
        {t("orders.filter.apply")}
      </button>
      {values.kind || values.status || values.method || values.month ? (
        <Link href="/orders" className="py-2 text-sm text-brand-600 hover:underline">
          {t("orders.filter.clear")}
        </Link>
      ) : null}
      <a href={`/orders/csv${orderQuery(values)}`} className="ml-auto py-2 text-sm text-brand-600 hover:underline" download data-testid="orders-csv">
        {t("orders.csv")}
      </a>
    </form>
  );
}
