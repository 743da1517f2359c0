import { FIRST_PRICED_MONTH, PRICE_BOOKS } from "@/lib/pricing/catalog/price-books";
import { formatMonth } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { bookOffersApi } from "@/lib/pricing/price-book";
import { isMonth } from "@/lib/pricing/months";
import { formatCount, formatYuan } from "@/lib/pricing/format";
import { packSpecById } from "@/lib/pricing/catalog/packs";
import { type ApiId, type ProductId } from "@/lib/pricing/catalog/products";
import type { CalculatorError, FieldRef } from "@/lib/calculator/errors";
import { isMessageKey, type MessageKey, type Translate } from "@/lib/i18n/translator";

export function apiName(t: Translate, api: ApiId): string {
  return t(`api.${api}` as const);
}

export function productName(t: Translate, product: ProductId): string {
  return t(`product.${product}` as const);
}

/** `Vehicle recognition (enhanced) · 10,000 calls · ¥730.00`, or the id if unknown. */
export function packLabel(t: Translate, packId: string): string {
  const spec = packSpecById(packId);
  if (!spec) return packId;
  return t("calculator.item.pack", { api: apiName(t, spec.api), calls: formatCount(spec.calls), price: formatYuan(spec.price) });
}

export function fieldLabel(t: Translate, field: FieldRef): string {
  switch (field.kind) {
    case "month":
      return t("calculator.field.month");
    case "usage":
    case "freeRemaining":
      return t(`calculator.field.${field.kind}`, { api: apiName(t, field.api) });
    case "pack":
    case "purchase":
      return t(`calculator.field.${field.kind}`, { n: field.index + 1 });
    default:
      return t("calculator.field.other");
  }
}

function firstMonthOffering(api: ApiId): string {
  return PRICE_BOOKS.find((book) => bookOffersApi(book, api))?.fromMonth ?? "";
}

/** The error in the customer's language, naming the field; the module's message is shown as detail. */
export function errorText(t: Translate, locale: Locale, error: CalculatorError, month: string): string {
  const key = `calculator.error.${error.code}`;
  const field = error.field;
  const from = field.kind === "usage" || field.kind === "freeRemaining" ? firstMonthOffering(field.api) : "";
  const monthName = (m: string) => (isMonth(m) ? formatMonth(locale, m) : m);
  const params = { field: fieldLabel(t, field), month: monthName(month), from: monthName(from), first: formatMonth(locale, FIRST_PRICED_MONTH) };
  return isMessageKey(key) ? t(key, params) : t("calculator.error.invalid-input", params);
}

export function periodKey(period: "month" | "day"): MessageKey {
  return period === "month" ? "calculator.periods.month" : "calculator.periods.day";
}
