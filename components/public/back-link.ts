import type { Translate } from "@/lib/i18n/translate";

export interface BackLink {
  href: string;
  label: string;
}

/**
 * The public pages' way into the console. The prerendered copy (app/[lang]) is for visitors
 * without a session, so it always offers sign-in; a request with a session cookie gets the
 * per-request page, which knows the role (proxy.ts decides which).
 */
export function backLink(t: Translate, role: string | undefined, customerHref: string): BackLink {
  if (!role) return { href: "/sign-in", label: t("calculator.signIn") };
  return { href: role === "customer" ? customerHref : "/staff", label: t("calculator.backToConsole") };
}
