import type { Translate } from "@/lib/i18n/translate";
import type { BackLink } from "./console-link";

// The type lives with the client island: this file names catalog keys, and browser code importing
// it (even for a type) would send them with every page (lib/i18n/client-keys-scan.ts).
export type { BackLink };

/**
 * The public pages' way into the console, in the page's language. The pages are prerendered for
 * everyone, so which of the two it is gets decided in the browser (components/public/console-link.tsx).
 */
export function backLink(t: Translate, customerHref: string): BackLink {
  return { customerHref, signInLabel: t("calculator.signIn"), consoleLabel: t("calculator.backToConsole") };
}
