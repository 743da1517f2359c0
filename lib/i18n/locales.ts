export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Chooses a locale from an Accept-Language header when the visitor has not picked one. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  return header && /^\s*zh/i.test(header) ? "zh-CN" : defaultLocale;
}

/**
 * The one locale rule, shared by the server (lib/i18n/server.ts) and proxy.ts (which picks the
 * prerendered copy of a public page): the visitor's choice in the cookie, else Accept-Language.
 */
export function chooseLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  return isLocale(cookieValue) ? cookieValue : localeFromAcceptLanguage(acceptLanguage);
}
