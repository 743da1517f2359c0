import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import type { ClientMessages } from "@/lib/i18n/client-catalog";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

/**
 * What both root layouts share (app/(app) for the console, app/[lang] for the prerendered public
 * pages): the document, its metadata and viewport. They differ only in where the locale comes from
 * and which part of the catalog the browser gets.
 */
export function appMetadata(t: Translate): Metadata {
  return {
    title: { default: t("app.name"), template: `%s · ${t("app.name")}` },
    description: t("app.tagline"),
    // The files are in public/ (served as they are, outside the sign-in gate).
    icons: { icon: [{ url: "/favicon.ico", sizes: "48x48" }, { url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
    manifest: "/manifest.webmanifest",
  };
}

export const APP_VIEWPORT: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f5ad6" };

/** `setLocale`: the language switch's server action, passed down from the root layout (components never import app/). */
export function RootDocument({ locale, messages, setLocale, children }: { locale: Locale; messages: ClientMessages; setLocale: (locale: string) => Promise<void>; children: ReactNode }) {
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        <Providers locale={locale} messages={messages} setLocale={setLocale}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
