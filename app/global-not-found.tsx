import type { Metadata } from "next";
import { NotFoundBody } from "@/components/shell/not-found-body";
import { getTranslator } from "@/lib/i18n/server";
import "./globals.css";

/**
 * The 404 of an address no route matches. The app has two root layouts (app/(app) for the console,
 * app/[lang] for the prerendered public pages), so this one stands alone (next.config.js turns it
 * on); a page's own notFound() still renders app/(app)/not-found.tsx inside the console's layout.
 */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("notFound.title") };
}

export default async function GlobalNotFound() {
  const { locale, t } = await getTranslator();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        <NotFoundBody t={t} />
      </body>
    </html>
  );
}
