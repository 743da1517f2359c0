import "server-only";
import { CLIENT_MESSAGE_KEYS, CLIENT_MESSAGE_PREFIXES } from "./client-keys.generated";
import type { Locale } from "./locales";
import { catalogs, type Messages } from "./translate";

/** The part of a catalog browser code may use (lib/i18n/client-keys-scan.ts says which keys). */
export type ClientMessages = Partial<Messages>;

const wanted = new Set(CLIENT_MESSAGE_KEYS);
const cached = new Map<Locale, ClientMessages>();

/**
 * What the root layout hands to the browser's I18nProvider with every page: about 40 % of the
 * catalog instead of all of it (server components render their text on the server). Made once per
 * language; the same object every request.
 */
export function clientMessages(locale: Locale): ClientMessages {
  let messages = cached.get(locale);
  if (!messages) {
    messages = Object.fromEntries(Object.entries(catalogs[locale]).filter(([key]) => wanted.has(key) || CLIENT_MESSAGE_PREFIXES.some((prefix) => key.startsWith(prefix)))) as ClientMessages;
    cached.set(locale, messages);
  }
  return messages;
}
