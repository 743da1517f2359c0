"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import type { CalculatorError } from "@/lib/calculator/errors";
import { errorText } from "./labels";

/** A refusal in the customer's language, with the pricing module's own message as detail. */
export function CalcError({ error, month }: { error: CalculatorError; month: string }) {
  const { t, locale } = useI18n();
  return (
    <Alert tone="error">
      <p className="font-medium">{t("calculator.error.title")}</p>
      <p className="mt-1" data-testid="calc-error">
        {errorText(t, locale, error, month)}
      </p>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer">{t("calculator.error.details")}</summary>
        <code className="mt-1 block font-mono break-words" data-testid="calc-error-detail">
          {`${error.code}: ${error.message}`}
        </code>
      </details>
    </Alert>
  );
}
