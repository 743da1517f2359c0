/**
 * The one place dates, times and months become text (issue 19 item 6). Every page, message and
 * file asks here, so the console shows one 24-hour clock and months by name everywhere:
 * `Dec 3, 2026, 08:15` / `2026年12月3日 08:15`, `November 2026` / `2026年11月`. Everything is on
 * the billing calendar, Asia/Shanghai (SPEC §1). `lib/i18n/date-format-scan.test.ts` fails when code
 * elsewhere formats a date by itself (toLocaleTimeString, a new Intl.DateTimeFormat…).
 */
import { BILLING_TIME_ZONE, isShanghaiMidnight } from "@/lib/pricing/calendar";
import { parseMonth } from "@/lib/pricing/months";
import { dateTimeFormat } from "./formatters";
import type { Locale } from "./locales";

const DATE = { dateStyle: "medium", timeZone: BILLING_TIME_ZONE } as const;
const DATE_TIME = { dateStyle: "medium", timeStyle: "short", timeZone: BILLING_TIME_ZONE, hourCycle: "h23" } as const;
const TIME = { timeStyle: "short", timeZone: BILLING_TIME_ZONE, hourCycle: "h23" } as const;
// A month is computed in UTC from its mid-month day, so no time zone can move it.
const MONTH = { year: "numeric", month: "long", timeZone: "UTC" } as const;
// Files (CSV) get a sortable, language-free stamp: `2026-12-03 08:15:00` (sv-SE writes ISO order).
const MACHINE = { dateStyle: "short", timeStyle: "medium", timeZone: BILLING_TIME_ZONE, hourCycle: "h23" } as const;

/** `Apr 1, 2026` / `2026年4月1日`. */
export function formatDate(locale: Locale, at: Date): string {
  return dateTimeFormat(locale, DATE).format(at);
}

/** `Apr 1, 2026, 00:30` / `2026年4月1日 00:30`: always the 24-hour clock, in both languages. */
export function formatDateTime(locale: Locale, at: Date): string {
  return dateTimeFormat(locale, DATE_TIME).format(at);
}

/** `00:30`: a time of day on the 24-hour clock. */
export function formatTime(locale: Locale, at: Date): string {
  return dateTimeFormat(locale, TIME).format(at);
}

/** A billing month (`YYYY-MM`) for people: `March 2025`, `2025年3月`. */
export function formatMonth(locale: Locale, month: string): string {
  const { year, month: m } = parseMonth(month);
  return dateTimeFormat(locale, MONTH).format(new Date(Date.UTC(year, m - 1, 15)));
}

/** Several months, joined the reader's way: `March 2025 and April 2025`. */
export function formatMonthList(locale: Locale, months: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(months.map((m) => formatMonth(locale, m)));
}

/** `2026-12-03 08:15:00`, Beijing time: for files a program reads (the bill CSV), not for people. */
export function formatMachineDateTime(at: Date): string {
  return dateTimeFormat("sv-SE", MACHINE).format(at);
}

/**
 * The one rule for showing validity (issue 11): the last Beijing day on which a thing can be used.
 * Expiry instants are exclusive (usable while now < expiresAt), so a voucher expiring at
 * 2027-01-01 00:00 Beijing time is valid through Dec 31, 2026. When the expiry is not at midnight
 * (a pack expires at its delivery time a year on) the time of day on the last day is given too.
 */
export function formatValidThrough(locale: Locale, expiresAt: Date, throughTime: (date: string, time: string) => string): string {
  const last = new Date(expiresAt.getTime() - 1);
  const date = formatDate(locale, last);
  if (isShanghaiMidnight(expiresAt)) return date;
  return throughTime(date, formatTime(locale, expiresAt));
}
