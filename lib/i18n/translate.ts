import { en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import type { Locale } from "./locales";
import { createTranslator, type Messages, type Translate } from "./translator";

// Server code imports this module (the catalogs); browser code imports ./translator only.
export { createTranslator, errorMessage, formatPlurals, isMessageKey } from "./translator";
export type { MessageKey, Messages, Translate, TranslateParams } from "./translator";

export const catalogs: Record<Locale, Messages> = { en, "zh-CN": zhCN };

// Known keys are registered by the first translator made; the server knows them from the start.
createTranslator(en);

/** A translator for a known locale: what a prerendered page (app/[lang]) uses, with no request to read. */
export function translatorFor(locale: Locale): Translate {
  return createTranslator(catalogs[locale], locale);
}
