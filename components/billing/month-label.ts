import type { Locale } from "@/lib/i18n/locales";
import { dateTimeFormat } from "@/lib/i18n/formatters";
import { parseMonth } from "@/lib/pricing/months";

const MONTH = { year: "numeric", month: "long", timeZone: "UTC" } as const;

/** A billing month for people: "March 2025", "2025年3月" (computed in UTC so no time zone moves it). */
export function monthLabel(locale: Locale, month: string): string {
  const { year, month: m } = parseMonth(month);
  return dateTimeFormat(locale, MONTH).format(new Date(Date.UTC(year, m - 1, 15)));
}

/** Several months, joined the reader's way: "March 2025 and April 2025". */
export function monthList(locale: Locale, months: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(months.map((m) => monthLabel(locale, m)));
}
