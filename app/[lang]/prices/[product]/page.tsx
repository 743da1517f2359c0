import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isProduct, PricesPage } from "@/components/prices/prices-page";
import { backLink } from "@/components/public/back-link";
import { now } from "@/lib/clock";
import { localeOf } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";
import { monthOf, PRODUCT_IDS } from "@/lib/pricing";

type Props = { params: Promise<{ lang: string; product: string }> };

export const dynamicParams = false;
export function generateStaticParams(): { product: string }[] {
  return PRODUCT_IDS.map((product) => ({ product }));
}
// The page shows the price book in force this month: regenerated in the background at most every
// ten minutes, so a new month's book is shown within ten minutes of the 1st (Shanghai time).
export const revalidate = 600;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [t, { product }] = await Promise.all([localeOf(params).then(translatorFor), params]);
  return { title: isProduct(product) ? t("prices.title", { product: t(`product.${product}`) }) : t("notFound.title") };
}

/** Prerendered per locale and product, for everyone (proxy.ts serves the visitor's); the way back to the console is decided in the browser. */
export default async function Page({ params }: Props) {
  const { product } = await params;
  if (!isProduct(product)) notFound();
  const locale = await localeOf(params);
  const t = translatorFor(locale);
  return <PricesPage t={t} locale={locale} back={backLink(t, "/services")} product={product} month={monthOf(now())} />;
}
