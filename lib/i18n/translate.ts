import { en, type MessageKey } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import type { Locale } from "./locales";

export type { MessageKey } from "./messages/en";
export type Messages = Record<MessageKey, string>;
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export const catalogs: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

export function createTranslator(messages: Messages): Translate {
  return (key, params) => {
    const text = messages[key] ?? en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
  };
}

/** The message for a service error code, falling back to the generic one for codes the catalog lacks. */
export function errorMessage(t: Translate, code: string, params?: TranslateParams): string {
  const key = `errors.${code}`;
  return isMessageKey(key) ? t(key, params) : t("errors.unexpected");
}
