import "server-only";
import { cookies, headers } from "next/headers";
import { chooseLocale, LOCALE_COOKIE, type Locale } from "./locales";
import { translatorFor, type Translate } from "./translate";

export async function getLocale(): Promise<Locale> {
  return chooseLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: translatorFor(locale) };
}
