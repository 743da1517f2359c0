"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import type { BodyBilling } from "@/lib/calculator/form";

const MODES: readonly BodyBilling[] = ["calls", "qps"];

/** SPEC §2.6: the body group is billed by calls (default) or by QPS. */
export function BillingModeSwitch({ value, onChange }: { value: BodyBilling; onChange: (mode: BodyBilling) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="flex items-center gap-2 text-xs">
      <legend className="sr-only">{t("calculator.billing.label")}</legend>
      <span aria-hidden="true" className="text-muted">
        {t("calculator.billing.label")}
      </span>
      <span className="inline-flex rounded-md border border-line bg-white p-0.5">
        {MODES.map((mode) => (
          <label key={mode} className={`cursor-pointer rounded px-2 py-1 ${mode === value ? "bg-brand-600 text-white" : "text-muted hover:text-ink"}`}>
            <input type="radio" name="body-billing" value={mode} checked={mode === value} onChange={() => onChange(mode)} className="sr-only" />
            {t(mode === "calls" ? "calculator.billing.calls" : "calculator.billing.qps")}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
