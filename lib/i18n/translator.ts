import type { MessageKey } from "./messages/en";

/**
 * The translator without the catalogs: what browser code imports, so that a page's JavaScript does
 * not carry both languages' catalogs (the provider hands the reader's catalog down as data).
 */
export type { MessageKey } from "./messages/en";
export type Messages = Record<MessageKey, string>;
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

// Both catalogs have the same keys (zh-CN is typed against en), so any one tells which keys exist.
const knownKeys = new Set<string>();

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

export function createTranslator(messages: Partial<Messages>, locale = "en"): Translate {
  if (knownKeys.size === 0) for (const key of Object.keys(messages)) knownKeys.add(key);
  return (key, params) => {
    let text = messages[key] ?? key;
    if (!params) return text;
    if (text.includes(", plural,")) text = formatPlurals(text, params, locale);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Whether a computed key exists (known once a translator has been made, which every render does first). */
export function isMessageKey(key: string): key is MessageKey {
  return knownKeys.has(key);
}

/** The message for a service error code, falling back to the generic one for codes the catalog lacks. */
export function errorMessage(t: Translate, code: string, params?: TranslateParams): string {
  const key = `errors.${code}`;
  return isMessageKey(key) ? t(key, params) : t("errors.unexpected");
}
