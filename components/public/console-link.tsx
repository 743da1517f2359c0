"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { useViewerRole } from "./use-viewer-role";

/** The labels come from the server, in the page's language (components/public/back-link.ts). */
export interface BackLink {
  /** Where a signed-in customer goes back to (staff go to /staff). */
  customerHref: string;
  signInLabel: string;
  consoleLabel: string;
}

/**
 * The public pages' way into the console, the one part of their header that depends on the
 * visitor: the prerendered HTML offers sign-in, and once app/api/console/viewer says a session is
 * there, the way back (a customer to `customerHref`, staff to their own console).
 */
export function ConsoleLink({ back }: { back: BackLink }) {
  const role = useViewerRole();
  const link = role ? { href: role === "customer" ? back.customerHref : "/staff", label: back.consoleLabel } : { href: "/sign-in", label: back.signInLabel };
  return (
    <Link href={link.href} className={buttonClass("secondary", "py-1.5 whitespace-nowrap max-sm:px-2.5")}>
      {link.label}
    </Link>
  );
}
