"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { errorIsAbout, type CalculatorError } from "@/lib/calculator/errors";
import type { CalculatorForm, OwnedPackRow } from "@/lib/calculator/form";
import { formatCount } from "@/lib/pricing/format";
import { packSpecById } from "@/lib/pricing/catalog/packs";
import type { FormUpdate } from "./calculator";
import { CountInput } from "./count-input";
import { PackSelect, suggestedPackId } from "./pack-select";

/** A pack bought a while ago: usable until the same month next year. */
function defaultExpiry(month: string): string {
  const [year, mm] = month.split("-");
  return /^\d{4}$/.test(year ?? "") && mm ? `${Number(year) + 1}-${mm}-01` : "";
}

// The pack names are long (API · size · price): the select takes a line of its own.
const ROW = "grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_2rem] items-end gap-x-3 gap-y-2";

export function OwnedPacksCard({ form, update, error, newKey }: { form: CalculatorForm; update: FormUpdate; error: CalculatorError | null; newKey: () => number }) {
  const { t } = useI18n();
  const change = (key: number, patch: Partial<OwnedPackRow>) =>
    update((current) => ({ ...current, packs: current.packs.map((row) => (row.key === key ? { ...row, ...patch } : row)) }));
  const add = () =>
    update((current) => ({
      ...current,
      packs: [...current.packs, { key: newKey(), packId: suggestedPackId(current.usage), remaining: "", expiresOn: defaultExpiry(current.month) }],
    }));
  return (
    <Card
      title={t("calculator.packs.title")}
      actions={
        <Button type="button" variant="secondary" className="px-3 py-1 text-xs" onClick={add}>
          {t("calculator.packs.add")}
        </Button>
      }
    >
      <p className="text-xs text-muted">{t("calculator.packs.hint")}</p>
      {form.packs.length === 0 ? <p className="mt-3 text-sm text-muted">{t("calculator.packs.empty")}</p> : null}
      <ol className="mt-2 space-y-3">
        {form.packs.map((row, index) => {
          const id = `pack-${row.key}`;
          const invalid = errorIsAbout(error, { kind: "pack", index, prop: null });
          const size = packSpecById(row.packId)?.calls ?? 0;
          return (
            <li key={row.key} className={ROW}>
              <div className="col-span-2 space-y-1">
                <label htmlFor={`${id}-type`} className="block text-xs font-medium text-muted">
                  {`${index + 1}. ${t("calculator.packs.type")}`}
                </label>
                <PackSelect id={`${id}-type`} value={row.packId} aria-invalid={invalid ? true : undefined} onChange={(event) => change(row.key, { packId: event.target.value })} />
              </div>
              <Button
                type="button"
                variant="ghost"
                className="h-9 px-0"
                aria-label={t("calculator.packs.remove", { n: index + 1 })}
                onClick={() => update((current) => ({ ...current, packs: current.packs.filter((other) => other.key !== row.key) }))}
              >
                ×
              </Button>
              <div className="space-y-1">
                <label htmlFor={`${id}-remaining`} className="block text-xs font-medium text-muted">
                  {t("calculator.packs.remaining")}
                </label>
                <CountInput id={`${id}-remaining`} value={row.remaining} placeholder={formatCount(size)} invalid={invalid} onValueChange={(remaining) => change(row.key, { remaining })} />
              </div>
              <div className="space-y-1">
                <label htmlFor={`${id}-expires`} className="block text-xs font-medium text-muted">
                  {t("calculator.packs.expires")}
                </label>
                <input id={`${id}-expires`} type="date" value={row.expiresOn} aria-invalid={invalid ? true : undefined} onChange={(event) => change(row.key, { expiresOn: event.target.value })} className={inputClass} />
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
