import type { Metadata } from "next";
import type { ReactNode } from "react";
import { setLocaleAction } from "@/app/actions/locale";
import { APP_VIEWPORT, appMetadata, RootDocument } from "@/components/shell/root-document";
import { publicCatalog } from "@/lib/i18n/public-catalog";
import { localeOf, localeParams } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";
import "../globals.css";

/**
 * The root layout of the prerendered public pages, one copy per locale. proxy.ts rewrites the public
 * address (`/calculator`) to the copy of the visitor's locale (`/zh-CN/calculator`) by the same rule
 * as the rest of the app (cookie, then Accept-Language), so nothing here reads the request: no
 * cookies(), headers(), auth() or searchParams anywhere under app/[lang], or the pages turn dynamic
 * (e2e/prerendered.spec.ts fails). The console's own root layout is app/(app)/layout.tsx.
 */
export const dynamicParams = false;
export const generateStaticParams = localeParams;

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  return appMetadata(translatorFor(await localeOf(params)));
}

export const viewport = APP_VIEWPORT;

export default async function LocaleRootLayout({ children, params }: { children: ReactNode; params: Promise<{ lang: string }> }) {
  const locale = await localeOf(params);
  // Only what these pages' browser code reads: the whole catalog was most of each copy's HTML.
  return (
    <RootDocument locale={locale} messages={publicCatalog(locale)} setLocale={setLocaleAction}>
      {children}
    </RootDocument>
  );
}
