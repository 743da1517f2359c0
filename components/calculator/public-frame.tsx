import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import type { BackLink } from "@/components/public/back-link";
import { ConsoleLink } from "@/components/public/console-link";
import { Logo } from "@/components/ui/logo";
import type { Translate } from "@/lib/i18n/translate";

/** The frame of public pages: logo, language switch, and a way into (or back to) the console (decided in the browser). */
export function PublicFrame({ t, back, children }: { t: Translate; back: BackLink; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-canvas to-[28rem]">
      <header className="no-print flex items-center justify-between gap-2 px-4 py-4 sm:px-6">
        <Link href="/" className="min-w-0">
          <Logo label={t("app.name")} compact />
        </Link>
        <div className="flex shrink-0 items-center gap-2 sm:gap-3">
          <LanguageSwitch />
          <ConsoleLink back={back} />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-[1400px] flex-1 px-4 pt-4 pb-16 sm:px-6">
        {children}
      </main>
      <footer className="px-6 py-4 text-center text-xs text-muted">{t("app.tagline")}</footer>
    </div>
  );
}
