import type { Metadata } from "next";
import type { ReactNode } from "react";
import { setLocaleAction } from "@/app/actions/locale";
import { APP_VIEWPORT, appMetadata, RootDocument } from "@/components/shell/root-document";
import { clientMessages } from "@/lib/i18n/client-catalog";
import { getTranslator } from "@/lib/i18n/server";
import "../globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return appMetadata((await getTranslator()).t);
}

export const viewport = APP_VIEWPORT;

/** The console's root layout: the locale from the cookie (then Accept-Language), so every page under it renders per request. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getTranslator();
  return (
    <RootDocument locale={locale} messages={clientMessages(locale)} setLocale={setLocaleAction}>
      {children}
    </RootDocument>
  );
}
