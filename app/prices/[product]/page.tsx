import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicFrame } from "@/components/calculator/public-frame";
import { ProductPrices } from "@/components/prices/product-prices";
import { PageHeader } from "@/components/shell/page-header";
import { auth } from "@/lib/auth";
import { now } from "@/lib/clock";
import { getTranslator } from "@/lib/i18n/server";
import { TERMS_VERSION } from "@/lib/packs/activation";
import { monthOf, priceBookForMonth, PRODUCT_IDS, type ProductId } from "@/lib/pricing";

function isProduct(value: string): value is ProductId {
  return (PRODUCT_IDS as readonly string[]).includes(value);
}

export async function generateMetadata({ params }: { params: Promise<{ product: string }> }): Promise<Metadata> {
  const [{ t }, { product }] = await Promise.all([getTranslator(), params]);
  return { title: isProduct(product) ? t("prices.title", { product: t(`product.${product}`) }) : t("notFound.title") };
}

/** Public (proxy.ts lets it through): a product's prices in the price book in force this month. */
export default async function PricesPage({ params }: { params: Promise<{ product: string }> }) {
  const { product } = await params;
  if (!isProduct(product)) notFound();
  const [{ t }, session] = await Promise.all([getTranslator(), auth()]);
  const role = session?.user?.role;
  const back = !role ? { href: "/sign-in", label: t("calculator.signIn") } : { href: role === "customer" ? "/services" : "/staff", label: t("calculator.backToConsole") };
  const month = monthOf(now());
  const book = priceBookForMonth(month);
  return (
    <PublicFrame t={t} back={back}>
      <PageHeader title={t("prices.title", { product: t(`product.${product}`) })} description={t("prices.description", { book: book.id, month })} />
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
          {t("terms.title", { version: TERMS_VERSION })}
        </Link>
        <Link href="/calculator" className="text-brand-600 hover:underline">
          {t("prices.calculator")}
        </Link>
      </p>
    </PublicFrame>
  );
}
