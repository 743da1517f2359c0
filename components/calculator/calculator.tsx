"use client";

import { useDeferredValue, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { Calculation } from "@/lib/calculator/compute";
import { emptyForm, type CalculatorForm } from "@/lib/calculator/form";
import { formatYuan } from "@/lib/pricing/format";
import { AdviceList } from "./advice-list";
import { Bill } from "./bill";
import { MonthCard } from "./month-card";
import { OwnedPacksCard } from "./owned-packs-card";
import { PurchasesCard } from "./purchases-card";
import { TierTables } from "./tier-tables";
import { UsageCards } from "./usage-cards";

/**
 * Below the two-column width the bill comes after the whole form: the total stays in a bar at the
 * bottom of the screen while the form is in view, and leads to the bill.
 */
function PhoneTotal({ total }: { total: string }) {
  const { t } = useI18n();
  return (
    <a
      href="#calc-bill"
      data-testid="phone-total"
      className="sticky bottom-0 z-10 -mx-4 flex items-baseline justify-between gap-4 border-t border-line bg-white px-4 py-3 text-sm shadow-[0_-2px_6px_rgb(0_0_0/0.06)] sm:mx-0 sm:rounded-t-lg sm:border-x lg:hidden"
    >
      <span className="font-medium text-ink">{t("calculator.result.total")}</span>
      <span className="tabular font-semibold whitespace-nowrap text-brand-700">{formatYuan(total)}</span>
    </a>
  );
}

export type FormUpdate = (change: (form: CalculatorForm) => CalculatorForm) => void;

/** The quote engine (lib/calculator/compute), handed in once it has loaded (calculator-from-query.tsx). */
export type Calculate = (form: CalculatorForm) => Calculation;

/** The price calculator: the form on the left, the bill on the right, the tier tables below. */
export function Calculator({ initial, calculate }: { initial: CalculatorForm; calculate: Calculate }) {
  const { t } = useI18n();
  const [form, setForm] = useState<CalculatorForm>(initial);
  const nextKey = useRef(initial.purchases.length + 1);
  const newKey = () => nextKey.current++;
  const deferred = useDeferredValue(form);
  const result = useMemo(() => calculate(deferred), [calculate, deferred]);
  const error = result.ok ? null : result.error;
  const update: FormUpdate = (change) => setForm(change);

  return (
    <div className="space-y-8">
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,7fr)_minmax(0,6fr)]">
        <form className="space-y-6" aria-label={t("calculator.title")} onSubmit={(event) => event.preventDefault()}>
          <MonthCard form={form} update={update} error={error} onReset={() => setForm(emptyForm(form.month))} />
          <UsageCards form={form} update={update} error={error} />
          <OwnedPacksCard form={form} update={update} error={error} newKey={newKey} />
          <PurchasesCard form={form} update={update} error={error} newKey={newKey} />
          {result.ok ? <PhoneTotal total={result.quote.total} /> : null}
        </form>
        <div id="calc-bill" className="scroll-mt-4 space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
          <Bill form={deferred} result={result} />
          {result.ok ? <AdviceList advice={result.advice} /> : null}
        </div>
      </div>
      {result.ok ? <TierTables quote={result.quote} /> : null}
    </div>
  );
}
