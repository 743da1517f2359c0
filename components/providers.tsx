"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/translate";
import { I18nProvider } from "./i18n/i18n-provider";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 401/403 will not fix itself by retrying.
        retry: (failures, error) => !(error instanceof Error && /\b40[13]\b/.test(error.message)) && failures < 2,
      },
    },
  });
}

export function Providers({ locale, messages, setLocale, children }: { locale: Locale; messages: Partial<Messages>; setLocale: (locale: string) => Promise<void>; children: ReactNode }) {
  // One client per browser session (and per request on the server render).
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale} messages={messages} setLocale={setLocale}>
        {children}
      </I18nProvider>
    </QueryClientProvider>
  );
}
