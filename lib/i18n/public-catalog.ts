import { clientMessages, type ClientMessages } from "./client-catalog";
import type { Locale } from "./locales";

/**
 * The part of a catalog the prerendered public pages' browser code needs (app/[lang]/layout.tsx
 * hands it to the provider, and it is written into every copy's HTML). The whole catalog is ~68 kB
 * of English; these pages draw their server-rendered text with the full one, and their client
 * components (calculator, sign-in forms, language switch) read only these namespaces: the keys the
 * console sends its browser code (lib/i18n/client-catalog.ts) narrowed to them.
 * lib/i18n/public-catalog.test.ts fails when a client component of theirs names a key outside.
 */
export const PUBLIC_NAMESPACES = [
  "advice", "api", "app", "auth", "calculator", "date", "errors", "item", "lang", "nav", "notFound", "packs", "password",
  "plural", "priceBook", "prices", "product", "qps", "refunds", "table",
] as const;

const keep = new Set<string>(PUBLIC_NAMESPACES);
const cache = new Map<Locale, ClientMessages>();

export function publicCatalog(locale: Locale): ClientMessages {
  let messages = cache.get(locale);
  if (!messages) {
    // A key left out reads as itself: lib/i18n/public-catalog.test.ts keeps that from happening.
    messages = Object.fromEntries(Object.entries(clientMessages(locale)).filter(([key]) => keep.has(key.split(".")[0] ?? "")));
    cache.set(locale, messages);
  }
  return messages;
}
