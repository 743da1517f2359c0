import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Logo } from "@/components/ui/logo";
import type { Translate } from "@/lib/i18n/translate";

/** The frame of the sign-in pages, for the prerendered copies (app/[lang]) and the per-request ones alike. */
export function AuthFrame({ t, children }: { t: Translate; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-canvas">
      <header className="flex items-center justify-between px-6 py-4">
        <Link href="/sign-in">
          <Logo label={t("app.name")} />
        </Link>
        <LanguageSwitch />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-10 pb-16 sm:pt-16">
        <div className="w-full max-w-md">{children}</div>
      </main>
      <footer className="px-6 py-4 text-center text-xs text-muted">
        {t("app.tagline")} ·{" "}
        <Link href="/calculator" className="whitespace-nowrap text-brand-600 hover:underline">
          {t("nav.calculator")}
        </Link>
      </footer>
    </div>
  );
}
