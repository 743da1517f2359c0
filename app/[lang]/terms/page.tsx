import type { Metadata } from "next";
import { TermsPage } from "@/components/prices/terms-page";
import { backLink } from "@/components/public/back-link";
import { localeOf } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translatorFor(await localeOf(params))("prices.terms") };
}

/** Prerendered per locale, for everyone (proxy.ts serves the visitor's); the way back to the console is decided in the browser. */
export default async function Page({ params }: Props) {
  const locale = await localeOf(params);
  const t = translatorFor(locale);
  return <TermsPage t={t} locale={locale} back={backLink(t, "/services")} />;
}
