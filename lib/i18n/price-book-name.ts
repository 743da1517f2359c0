import { formatMonth } from "./format-date";
import type { Locale } from "./locales";
import type { Translate } from "./translator";

/**
 * A price book as people name it: by the month it came into force (`December 2023 prices` /
 * `2023年12月价格`), never its `YYYY-MM` id. Every page that shows a book asks here.
 */
export function priceBookName(t: Translate, locale: Locale, bookId: string): string {
  return t("priceBook.name", { month: formatMonth(locale, bookId) });
}
