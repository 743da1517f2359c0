import Link from "next/link";
import { PublicFrame } from "@/components/calculator/public-frame";
import type { BackLink } from "@/components/public/back-link";
import { PageHeader } from "@/components/shell/page-header";
import { formatMonth } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { priceBookName } from "@/lib/i18n/price-book-name";
import type { Translate } from "@/lib/i18n/translate";
import { TERMS_VERSION } from "@/lib/packs/activation";
import { priceBookForMonth, PRODUCT_IDS, type Month, type ProductId } from "@/lib/pricing";
import { ProductPrices } from "./product-prices";

export function isProduct(value: string): value is ProductId {
  return (PRODUCT_IDS as readonly string[]).includes(value);
}

/** A product's prices in the price book in force in `month` (prerendered per locale and product, app/[lang]/prices). */
export function PricesPage({ t, locale, back, product, month }: { t: Translate; locale: Locale; back: BackLink; product: ProductId; month: Month }) {
  const book = priceBookForMonth(month);
  return (
    <PublicFrame t={t} back={back}>
      <PageHeader title={t("prices.title", { product: t(`product.${product}`) })} description={t("prices.description", { book: priceBookName(t, locale, book.id), month: formatMonth(locale, month) })} />
      <nav aria-label={t("prices.products")} className="mb-6 flex flex-wrap gap-2">
        {PRODUCT_IDS.map((id) => (
          <Link
            key={id}
            href={`/prices/${id}`}
            aria-current={id === product ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${id === product ? "border-brand-600 bg-brand-600 text-white" : "border-line bg-white text-ink hover:border-brand-500"}`}
          >
            {t(`product.${id}`)}
          </Link>
        ))}
      </nav>
      <ProductPrices t={t} book={book} product={product} />
      <p className="mt-6 flex flex-wrap gap-4 text-sm">
        <Link href="/terms" className="text-brand-600 hover:underline">
          {t("terms.title", { version: formatMonth(locale, TERMS_VERSION) })}
        </Link>
        <Link href="/calculator" className="text-brand-600 hover:underline">
          {t("prices.calculator")}
        </Link>
      </p>
    </PublicFrame>
  );
}
