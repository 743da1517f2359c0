import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isProduct, PricesPage } from "@/components/prices/prices-page";
import { backLink } from "@/components/public/back-link";
import { auth } from "@/lib/auth";
import { now } from "@/lib/clock";
import { getTranslator } from "@/lib/i18n/server";
import { monthOf } from "@/lib/pricing";

export async function generateMetadata({ params }: { params: Promise<{ product: string }> }): Promise<Metadata> {
  const [{ t }, { product }] = await Promise.all([getTranslator(), params]);
  return { title: isProduct(product) ? t("prices.title", { product: t(`product.${product}`) }) : t("notFound.title") };
}

/** Public. Without a session proxy.ts serves the prerendered copy (app/[lang]/prices); this one is for a session cookie. */
export default async function Page({ params }: { params: Promise<{ product: string }> }) {
  const { product } = await params;
  if (!isProduct(product)) notFound();
  const [{ t }, session] = await Promise.all([getTranslator(), auth()]);
  return <PricesPage t={t} back={backLink(t, session?.user?.role, "/services")} product={product} month={monthOf(now())} />;
}
