"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator, type Messages, type Translate } from "@/lib/i18n/translator";

interface I18nValue {
  locale: Locale;
  t: Translate;
  /** The server action that sets the locale cookie, passed in by the root layout (components never import app/). */
  setLocale: (locale: string) => Promise<void>;
}

const I18nContext = createContext<I18nValue | null>(null);

/** `messages`: the keys browser code uses (lib/i18n/client-catalog.ts), not the whole catalog. */
export function I18nProvider({ locale, messages, setLocale, children }: { locale: Locale; messages: Partial<Messages>; setLocale: I18nValue["setLocale"]; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: createTranslator(messages, locale), setLocale }), [locale, messages, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
