import { formatValidThrough } from "./format-date";
import type { Locale } from "./locales";
import type { Translate } from "./translate";

/**
 * `Dec 31, 2026` or `Nov 30, 2027, 14:23`: the last day something can be used, Beijing time, with
 * the time of day when it ends then; pages label it "Valid until" / "有效期至".
 */
export function validThrough(t: Translate, locale: Locale, expiresAt: Date): string {
  return formatValidThrough(locale, expiresAt, (date, time) => t("date.throughTime", { date, time }));
}
