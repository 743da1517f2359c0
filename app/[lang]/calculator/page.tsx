import type { Metadata } from "next";
import { CalculatorPage } from "@/components/calculator/calculator-page";
import { backLink } from "@/components/public/back-link";
import { localeOf } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translatorFor(await localeOf(params))("calculator.title") };
}

/** Prerendered per locale, for everyone (proxy.ts serves the visitor's); the way back to the console is decided in the browser. */
export default async function Page({ params }: Props) {
  const t = translatorFor(await localeOf(params));
  return <CalculatorPage t={t} back={backLink(t, "/")} />;
}
