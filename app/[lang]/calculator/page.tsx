import type { Metadata } from "next";
import { CalculatorPage } from "@/components/calculator/calculator-page";
import { backLink } from "@/components/public/back-link";
import { localeOf } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translatorFor(await localeOf(params))("calculator.title") };
}

/** Prerendered per locale, for visitors without a session (proxy.ts); a session cookie gets app/(app)/calculator. */
export default async function Page({ params }: Props) {
  const t = translatorFor(await localeOf(params));
  return <CalculatorPage t={t} back={backLink(t, undefined, "/")} />;
}
