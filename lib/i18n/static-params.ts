import { isLocale, locales, type Locale } from "./locales";

/** The locale segment of a prerendered page (app/[lang]): one copy per locale, nothing else. */
export function localeParams(): { lang: Locale }[] {
  return locales.map((lang) => ({ lang }));
}

/** The segment's value as a Locale; `dynamicParams = false` already refuses any other. */
export async function localeOf(params: Promise<{ lang: string }>): Promise<Locale> {
  const { lang } = await params;
  if (!isLocale(lang)) throw new Error(`not a locale: ${lang}`);
  return lang;
}
