import type { Metadata } from "next";
import { TermsPage } from "@/components/prices/terms-page";
import { backLink } from "@/components/public/back-link";
import { localeOf } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translatorFor(await localeOf(params))("prices.terms") };
}

/** Prerendered per locale, for visitors without a session (proxy.ts); a session cookie gets app/(app)/terms. */
export default async function Page({ params }: Props) {
  const t = translatorFor(await localeOf(params));
  return <TermsPage t={t} back={backLink(t, undefined, "/services")} />;
}
