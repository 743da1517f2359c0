import type { Locale } from "./locales";

/** Dates and times are shown on the billing calendar, Asia/Shanghai (SPEC §1), in the reader's language. */
export function formatDate(locale: Locale, at: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(at);
}

export function formatDateTime(locale: Locale, at: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai", hourCycle: "h23" }).format(at);
}
