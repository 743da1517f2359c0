"use client";

import type { ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { errorIsAbout, type CalculatorError } from "@/lib/calculator/errors";
import type { CalculatorForm, PurchaseRow } from "@/lib/calculator/form";
import { ONE_TIME_ITEMS } from "@/lib/pricing/catalog/one-time";
import { formatYuan } from "@/lib/pricing/format";
import { type QpsPeriod } from "@/lib/pricing/catalog/qps";
import type { FormUpdate } from "./calculator";
import { CountInput } from "./count-input";
import { PackSelect, suggestedPackId } from "./pack-select";

const SDK_PRICE = ONE_TIME_ITEMS.find((item) => item.id === "scan.sdk")?.price ?? "0";

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-muted">
        {label}
      </label>
      {children}
    </div>
  );
}

function PurchaseFields({ row, index, invalid, change }: { row: PurchaseRow; index: number; invalid: boolean; change: (patch: Partial<PurchaseRow>) => void }) {
  const { t } = useI18n();
  const id = `buy-${row.key}`;
  const numbered = (label: string) => `${index + 1}. ${label}`;
  const quantity = (label: string) => (
    <Labelled id={`${id}-quantity`} label={label}>
      <CountInput id={`${id}-quantity`} value={row.quantity} placeholder="1" invalid={invalid} onValueChange={(value) => change({ quantity: value })} />
    </Labelled>
  );
  if (row.kind === "pack") {
    return (
      <div className="grid grid-cols-[minmax(0,1fr)_7rem] items-end gap-3">
        <Labelled id={`${id}-item`} label={numbered(t("calculator.buy.item"))}>
          <PackSelect id={`${id}-item`} value={row.packId} aria-invalid={invalid ? true : undefined} onChange={(event) => change({ packId: event.target.value })} />
        </Labelled>
        {quantity(t("calculator.buy.quantity"))}
      </div>
    );
  }
  if (row.kind === "sdk") {
    return (
      <div className="grid grid-cols-[minmax(0,1fr)_7rem] items-end gap-3">
        <p className="pb-2 text-sm text-ink">{numbered(t("calculator.item.sdk", { price: formatYuan(SDK_PRICE) }))}</p>
        {quantity(t("calculator.buy.quantity"))}
      </div>
    );
  }
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_7rem_7rem_7rem] items-end gap-3">
      <p className="pb-2 text-sm text-ink">{numbered(t("calculator.item.qps"))}</p>
      {quantity(t("calculator.buy.qps"))}
      <Labelled id={`${id}-period`} label={t("calculator.buy.period")}>
        <select id={`${id}-period`} value={row.period} onChange={(event) => change({ period: event.target.value === "day" ? "day" : "month" } satisfies { period: QpsPeriod })} className={inputClass}>
          <option value="month">{t("calculator.period.month")}</option>
          <option value="day">{t("calculator.period.day")}</option>
        </select>
      </Labelled>
      <Labelled id={`${id}-periods`} label={t("calculator.buy.periods")}>
        <CountInput id={`${id}-periods`} value={row.periods} placeholder="1" invalid={invalid} onValueChange={(value) => change({ periods: value })} />
      </Labelled>
    </div>
  );
}

export function PurchasesCard({ form, update, error, newKey }: { form: CalculatorForm; update: FormUpdate; error: CalculatorError | null; newKey: () => number }) {
  const { t } = useI18n();
  const add = (make: (current: CalculatorForm) => PurchaseRow) => update((current) => ({ ...current, purchases: [...current.purchases, make(current)] }));
  const change = (key: number, patch: Partial<PurchaseRow>) =>
    update((current) => ({
      ...current,
      purchases: current.purchases.map((row) => (row.key === key ? ({ ...row, ...patch } as PurchaseRow) : row)),
    }));
  const addButton = (label: string, make: (current: CalculatorForm) => PurchaseRow) => (
    <Button type="button" variant="secondary" className="px-3 py-1 text-xs" onClick={() => add(make)}>
      {label}
    </Button>
  );
  return (
    <Card title={t("calculator.buy.title")}>
      <p className="text-xs text-muted">{t("calculator.buy.hint")}</p>
      {form.purchases.length === 0 ? <p className="mt-3 text-sm text-muted">{t("calculator.buy.empty")}</p> : null}
      <ol className="mt-2 space-y-3">
        {form.purchases.map((row, index) => (
          <li key={row.key} className="grid grid-cols-[minmax(0,1fr)_2rem] items-end gap-3">
            <PurchaseFields row={row} index={index} invalid={errorIsAbout(error, { kind: "purchase", index, prop: null })} change={(patch) => change(row.key, patch)} />
            <Button
              type="button"
              variant="ghost"
              className="h-9 px-0"
              aria-label={t("calculator.buy.remove", { n: index + 1 })}
              onClick={() => update((current) => ({ ...current, purchases: current.purchases.filter((other) => other.key !== row.key) }))}
            >
              ×
            </Button>
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap gap-2">
        {addButton(t("calculator.buy.addPack"), (current) => ({ key: newKey(), kind: "pack", packId: suggestedPackId(current.usage), quantity: "1" }))}
        {addButton(t("calculator.buy.addQps"), () => ({ key: newKey(), kind: "qps", quantity: "1", period: "month", periods: "1" }))}
        {addButton(t("calculator.buy.addSdk"), () => ({ key: newKey(), kind: "sdk", quantity: "1" }))}
      </div>
    </Card>
  );
}
