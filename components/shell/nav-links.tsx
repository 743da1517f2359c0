"use client";

import Link from "@/components/ui/app-link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { RenderedNavSection } from "./nav";

export function NavLinks({ sections }: { sections: RenderedNavSection[] }) {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <nav aria-label={t("app.name")} className="space-y-6">
      {sections.map((section) => (
        <div key={section.title}>
          <p className="px-3 pb-1 text-[11px] font-semibold tracking-wide text-muted uppercase">{t(section.title)}</p>
          <ul className="space-y-0.5">
            {section.items.map((item) => {
              const active = isActive(item.href, pathname, section.items.map((other) => other.href));
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={`flex items-center gap-2 rounded-md px-3 py-2 text-sm transition ${
                      active ? "bg-brand-50 font-medium text-brand-700" : "text-ink/80 hover:bg-canvas hover:text-ink"
                    }`}
                  >
                    {item.icon}
                    {t(item.label)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/**
 * A link is current on its own page and the pages under it, unless a sibling link names a deeper
 * match ("/staff" is not current on "/staff/invoices", which has its own link). "/" matches only itself.
 */
export function isActive(href: string, pathname: string, siblings: string[]): boolean {
  if (href === "/") return pathname === "/";
  if (pathname === href) return true;
  if (!pathname.startsWith(`${href}/`)) return false;
  return !siblings.some((other) => other !== href && other.startsWith(`${href}/`) && (pathname === other || pathname.startsWith(`${other}/`)));
}
