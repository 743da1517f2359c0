"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useI18n } from "@/components/i18n/i18n-provider";
import { NavLinks } from "./nav-links";
import type { RenderedNavSection } from "./nav";

/** Below 768 px the side navigation is a drawer opened by the menu button in the top bar. */
export function MobileNav({ sections }: { sections: RenderedNavSection[] }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const closeButton = useRef<HTMLButtonElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);

  // Following a link closes the drawer (the path changed since it opened).
  if (open && pathname !== openedAt) setOpen(false);

  useEffect(() => {
    if (!open) return;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        menuButton.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    const { overflow } = document.body.style;
    document.body.style.overflow = "hidden";
    return () => {
      document.removeEventListener("keydown", onKey);
      document.body.style.overflow = overflow;
    };
  }, [open]);

  return (
    <>
      <button
        ref={menuButton}
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(true);
        }}
        className="-ml-1 rounded-md p-1.5 text-ink hover:bg-canvas md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
        <span className="sr-only">{t("nav.menu")}</span>
      </button>
      {/* In a portal: the top bar's backdrop blur would otherwise be the containing block of this fixed layer. */}
      {open
        ? createPortal(
        <div className="fixed inset-0 z-40 md:hidden">
          <div aria-hidden="true" className="absolute inset-0 bg-ink/40" onClick={() => setOpen(false)} />
          <div
            id="mobile-nav"
            role="dialog"
            aria-modal="true"
            aria-label={t("nav.menu")}
            className="absolute inset-y-0 left-0 flex w-72 max-w-[85vw] flex-col overflow-y-auto bg-white px-3 pt-3 pb-6 shadow-xl"
          >
            <div className="mb-4 flex justify-end">
              <button ref={closeButton} type="button" onClick={() => setOpen(false)} className="rounded-md px-3 py-1.5 text-sm text-muted hover:bg-canvas hover:text-ink">
                {t("nav.close")}
              </button>
            </div>
            <NavLinks sections={sections} />
          </div>
        </div>,
            document.body,
          )
        : null}
    </>
  );
}
