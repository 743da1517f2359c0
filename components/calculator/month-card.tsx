"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { errorIsAbout, type CalculatorError } from "@/lib/calculator/errors";
import type { CalculatorForm } from "@/lib/calculator/form";
import { FIRST_PRICED_MONTH, type PriceBook } from "@/lib/pricing/catalog/price-books";
import { priceBookForMonth } from "@/lib/pricing/price-book";
import { formatMonth } from "@/lib/i18n/format-date";
import { priceBookName } from "@/lib/i18n/price-book-name";
import type { FormUpdate } from "./calculator";

function bookOf(month: string): PriceBook | null {
  try {
    return priceBookForMonth(month);
  } catch {
    return null;
  }
}

export function MonthCard({ form, update, error, onReset }: { form: CalculatorForm; update: FormUpdate; error: CalculatorError | null; onReset: () => void }) {
  const { t, locale } = useI18n();
  const book = bookOf(form.month);
  return (
    <Card
      title={t("calculator.month.title")}
      actions={
        <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={onReset}>
          {t("calculator.reset")}
        </Button>
      }
    >
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div className="space-y-1.5">
          <label htmlFor="calc-month" className="block text-sm font-medium text-ink">
            {t("calculator.month.label")}
          </label>
          <input
            id="calc-month"
            type="month"
            min={FIRST_PRICED_MONTH}
            value={form.month}
            aria-invalid={errorIsAbout(error, { kind: "month" }) ? true : undefined}
            aria-describedby="calc-month-hint"
            onChange={(event) => {
              const month = event.target.value;
              update((current) => ({ ...current, month }));
            }}
            className={`${inputClass} w-44`}
          />
        </div>
        {book ? (
          <p className="flex flex-wrap items-center gap-2 pb-2 text-sm text-muted">
            <Badge tone="blue">{priceBookName(t, locale, book.id)}</Badge>
            {book.toMonth ? t("calculator.month.bookUntil", { to: formatMonth(locale, book.toMonth) }) : null}
          </p>
        ) : null}
      </div>
      <p id="calc-month-hint" className="mt-2 text-xs text-muted">
        {t("calculator.month.hint", { first: formatMonth(locale, FIRST_PRICED_MONTH) })}
      </p>
    </Card>
  );
}
