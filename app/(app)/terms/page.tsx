import type { Metadata } from "next";
import { TermsPage } from "@/components/prices/terms-page";
import { backLink } from "@/components/public/back-link";
import { auth } from "@/lib/auth";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("prices.terms") };
}

/** Public. Without a session proxy.ts serves the prerendered copy (app/[lang]/terms); this one is for a session cookie. */
export default async function Page() {
  const [{ t }, session] = await Promise.all([getTranslator(), auth()]);
  return <TermsPage t={t} back={backLink(t, session?.user?.role, "/services")} />;
}
