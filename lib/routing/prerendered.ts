import { chooseLocale, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { PRERENDERED_PAGES } from "@/lib/security/headers.mjs";

/**
 * Which public addresses are served from a prerendered copy (app/[lang]/…, one per locale), for
 * proxy.ts. Kept apart from the proxy so it is tested as a plain function.
 *
 * Every visitor gets the copy, signed in or not: what a session changes on these pages (the way back
 * to the console, sign-in sending a signed-in customer on) is decided in the browser
 * (components/public/console-link.tsx, components/auth/signed-in-redirect.tsx).
 */

/** The cookies that mean "this browser has a session" (next-auth's, plain and over HTTPS). */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export interface RequestFacts {
  pathname: string;
  cookie: (name: string) => string | undefined;
  acceptLanguage: string | null;
}

/**
 * The locale of the prerendered copy to serve (`zh-CN` for `/zh-CN/calculator`), or null for a
 * per-request page. The rewrite itself is in next.config.js (lib/routing/prerendered-rewrites.mjs says why).
 */
export function prerenderedLocale({ pathname, cookie, acceptLanguage }: RequestFacts): Locale | null {
  if (!PRERENDERED_PAGES.includes(pathname)) return null;
  return chooseLocale(cookie(LOCALE_COOKIE), acceptLanguage);
}

/**
 * The public address of a copy asked for by its internal path (`/en/calculator` → `/calculator`):
 * the copies have one address each, the public one, whose language is the visitor's.
 */
export function publicAddressOfCopy(pathname: string): string | null {
  const [, lang, rest] = /^\/([^/]+)(\/.+)$/.exec(pathname) ?? [];
  return isLocale(lang) && rest !== undefined && PRERENDERED_PAGES.includes(rest) ? rest : null;
}
