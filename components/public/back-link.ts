import type { Translate } from "@/lib/i18n/translate";

export interface BackLink {
  /** Where a signed-in customer goes back to (staff go to /staff). */
  customerHref: string;
  signInLabel: string;
  consoleLabel: string;
}

/**
 * The public pages' way into the console, in the page's language. The pages are prerendered for
 * everyone, so which of the two it is gets decided in the browser (components/public/console-link.tsx).
 */
export function backLink(t: Translate, customerHref: string): BackLink {
  return { customerHref, signInLabel: t("calculator.signIn"), consoleLabel: t("calculator.backToConsole") };
}
