import Link from "@/components/ui/app-link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Logo } from "@/components/ui/logo";
import type { Translate } from "@/lib/i18n/translate";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { NavIcon } from "./icons";
import type { NavSection, RenderedNavSection } from "./nav";

/** The signed-in frame: side navigation, top bar with the language switch and the account menu. */
export function AppShell({
  t,
  nav,
  home,
  menu,
  banner,
  children,
}: {
  t: Translate;
  nav: NavSection[];
  home: string;
  menu: ReactNode;
  banner?: ReactNode;
  children: ReactNode;
}) {
  const sections: RenderedNavSection[] = nav.map((section) => ({ ...section, items: section.items.map((item) => ({ ...item, icon: <NavIcon name={item.icon} /> })) }));
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("nav.skip")}
      </a>
      <header className="no-print sticky top-0 z-10 flex h-14 items-center justify-between gap-2 border-b border-line bg-white px-3 sm:px-6">
        <div className="flex min-w-0 items-center gap-2">
          <MobileNav sections={sections} />
          <Link href={home} className="shell-logo min-w-0">
            <Logo label={t("app.name")} compact />
          </Link>
        </div>
        <div className="flex shrink-0 items-center gap-1 sm:gap-3">
          <LanguageSwitch />
          {menu}
        </div>
      </header>
      {banner}
      <div className="mx-auto flex max-w-[1400px]">
        <aside className="no-print sticky top-14 hidden h-[calc(100vh-3.5rem)] w-56 shrink-0 overflow-y-auto border-r border-line bg-white px-3 py-6 md:block">
          <NavLinks sections={sections} />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
