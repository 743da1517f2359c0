import type { Locale } from "@/lib/i18n/locales";
import { apiById, isApiId } from "@/lib/pricing/catalog/products";

/** An API's name in the reader's language (SPEC §2 gives both); an unknown id is shown as is. */
export function apiName(locale: Locale, api: string): string {
  if (!isApiId(api)) return api;
  const entry = apiById(api);
  return locale === "zh-CN" ? entry.nameZh : entry.name;
}
