"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { locales, type Locale } from "@/lib/i18n/locales";
import { useI18n } from "./i18n-provider";

export function LanguageSwitch({ className = "" }: { className?: string }) {
  const { locale, t, setLocale } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("lang.label")} className={`inline-flex shrink-0 rounded-md border border-line bg-white p-0.5 text-xs ${className}`}>
      {locales.map((option: Locale) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocale(option);
              router.refresh();
            })
          }
          className={`rounded px-1.5 py-1 whitespace-nowrap sm:px-2 transition ${option === locale ? "bg-brand-600 text-white" : "text-muted hover:text-ink"}`}
        >
          {t(`lang.${option}`)}
        </button>
      ))}
    </div>
  );
}
