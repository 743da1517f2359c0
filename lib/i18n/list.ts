import type { Locale } from "./locales";

/**
 * Several names in a row, the reader's way: `Scanning, Image recognition` / `智能扫码、图像识别`.
 * Chinese separates list items with the enumeration comma 、, never an ASCII comma.
 */
export function joinList(locale: Locale, items: readonly string[]): string {
  return items.join(locale === "zh-CN" ? "、" : ", ");
}
