import { BILLING_TIME_ZONE, isShanghaiMidnight } from "@/lib/pricing/calendar";
import { dateTimeFormat } from "./formatters";
import type { Locale } from "./locales";

const DATE = { dateStyle: "medium", timeZone: BILLING_TIME_ZONE } as const;
const DATE_TIME = { dateStyle: "medium", timeStyle: "short", timeZone: BILLING_TIME_ZONE, hourCycle: "h23" } as const;
const TIME = { timeStyle: "short", timeZone: BILLING_TIME_ZONE, hourCycle: "h23" } as const;

/** Dates and times are shown on the billing calendar, Asia/Shanghai (SPEC §1), in the reader's language. */
export function formatDate(locale: Locale, at: Date): string {
  return dateTimeFormat(locale, DATE).format(at);
}

export function formatDateTime(locale: Locale, at: Date): string {
  return dateTimeFormat(locale, DATE_TIME).format(at);
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
  const time = dateTimeFormat(locale, TIME).format(expiresAt);
  return throughTime(date, time);
}
