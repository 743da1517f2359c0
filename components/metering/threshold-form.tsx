"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import { errorMessage } from "@/lib/i18n/translator";
import type { ProductId } from "@/lib/pricing";

/** One product's low-remaining threshold, 1–99 % (SPEC §5); the error names the field beside it. */
export interface ThresholdState extends FormState {
  saved?: number;
}

export function ThresholdForm({ product, lowPercent, save }: { product: ProductId; lowPercent: number; save: FormAction<ThresholdState> }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<ThresholdState, FormData>(save, {});
  const id = `threshold-${product}`;
  const error = state.error ? errorMessage(t, state.error) : null;
  return (
    <form action={action} className="space-y-1" noValidate>
      <input type="hidden" name="product" value={product} />
      {/* Beside its label on a phone's card the button goes under the input rather than past the card's edge. */}
      <div className="flex flex-wrap items-center justify-end gap-2 sm:flex-nowrap sm:justify-start">
        <label htmlFor={id} className="sr-only">
          {t("alerts.field", { product: t(`product.${product}`) })}
        </label>
        <div className="relative w-20 shrink-0 sm:w-24">
          <input
            id={id}
            name="lowPercent"
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            step={1}
            defaultValue={state.values?.lowPercent ?? lowPercent}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-status`}
            className={`${inputClass} pr-7 text-right tabular`}
          />
          <span aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-muted">
            %
          </span>
        </div>
        <Button type="submit" quietInView disabled={pending} variant="secondary" className="px-3 py-1.5 text-xs">
          {pending ? t("alerts.saving") : t("alerts.save")}
        </Button>
      </div>
      <p id={`${id}-status`} role={error ? "alert" : "status"} className={`text-xs ${error ? "text-red-600" : "text-emerald-700"}`}>
        {error ?? (state.saved !== undefined ? t("alerts.saved", { percent: state.saved }) : "")}
      </p>
    </form>
  );
}
