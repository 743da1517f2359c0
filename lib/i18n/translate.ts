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

/**
 * `{count, plural, one {# bill} other {# bills}}` (the ICU plural form, what next-intl and
 * FormatJS read too): the branch Intl.PluralRules picks for the number, `#` the number itself.
 * `=0 {…}` exact matches are tried first.
 */
export function formatPlurals(text: string, params: TranslateParams, locale: string): string {
  const start = /\{(\w+), plural,/g;
  let out = "";
  let from = 0;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const name = match[1] ?? "";
    const branches = new Map<string, string>();
    let at = match.index + match[0].length;
    // Read `selector {body}` pairs up to the closing brace, bodies with balanced braces.
    for (;;) {
      while (text[at] === " ") at += 1;
      if (text[at] === "}" || at >= text.length) break;
      const open = text.indexOf("{", at);
      if (open === -1) break;
      const selector = text.slice(at, open).trim();
      let depth = 1;
      let end = open + 1;
      for (; end < text.length && depth > 0; end += 1) {
        if (text[end] === "{") depth += 1;
        else if (text[end] === "}") depth -= 1;
      }
      branches.set(selector, text.slice(open + 1, end - 1));
      at = end;
    }
    const value = Number(params[name]);
    const chosen = branches.get(`=${value}`) ?? branches.get(new Intl.PluralRules(locale).select(value)) ?? branches.get("other") ?? "";
    out += text.slice(from, match.index) + chosen.replace(/#/g, new Intl.NumberFormat(locale).format(value));
    from = at + 1;
    start.lastIndex = from;
  }
  return out + text.slice(from);
}

export function createTranslator(messages: Messages, locale = "en"): Translate {
  return (key, params) => {
    let text = messages[key] ?? en[key] ?? key;
    if (!params) return text;
    if (text.includes(", plural,")) text = formatPlurals(text, params, locale);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** The message for a service error code, falling back to the generic one for codes the catalog lacks. */
export function errorMessage(t: Translate, code: string, params?: TranslateParams): string {
  const key = `errors.${code}`;
  return isMessageKey(key) ? t(key, params) : t("errors.unexpected");
}
