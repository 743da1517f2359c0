import type { Metadata } from "next";
import { CalculatorPage } from "@/components/calculator/calculator-page";
import { backLink } from "@/components/public/back-link";
import { auth } from "@/lib/auth";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("calculator.title") };
}

/**
 * Public. A visitor without a session gets the prerendered copy (app/[lang]/calculator, chosen by
 * proxy.ts); this per-request page is for a session cookie, to offer the way back to the console.
 */
export default async function Page() {
  const [{ t }, session] = await Promise.all([getTranslator(), auth()]);
  return <CalculatorPage t={t} back={backLink(t, session?.user?.role, "/")} />;
}
