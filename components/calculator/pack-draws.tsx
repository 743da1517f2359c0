"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import type { CalculatorForm } from "@/lib/calculator/form";
import { formatCount } from "@/lib/pricing/format";
import { type Quote } from "@/lib/pricing/quote/quote-month";
import type { Translate } from "@/lib/i18n/translate";
import { packLabel } from "./labels";

interface DrawRow {
  readonly key: string;
  readonly label: string;
  readonly pack: string;
  readonly used: number;
  readonly remaining: number;
}

const OWNED = /^pack-(\d+)$/;
const BOUGHT = /^purchases\[(\d+)\]#\d+$/;

/** Draws of owned packs one by one; the units of one purchase added up (PURCHASED_PACK_IDS). */
function drawRows(t: Translate, quote: Quote, form: CalculatorForm): DrawRow[] {
  const rows = new Map<string, DrawRow>();
  for (const draw of quote.packDraws) {
    const owned = OWNED.exec(draw.id);
    const bought = BOUGHT.exec(draw.id);
    const index = Number(owned?.[1] ?? bought?.[1] ?? -1);
    const purchase = bought ? form.purchases[index] : undefined;
    const packId = owned ? form.packs[index - 1]?.packId : purchase?.kind === "pack" ? purchase.packId : undefined;
    const key = owned ? draw.id : `bought-${index}`;
    const previous = rows.get(key);
    rows.set(key, {
      key,
      label: owned ? t("calculator.result.ownedPack", { n: index }) : t("calculator.result.boughtPack", { n: index + 1 }),
      pack: packId ? packLabel(t, packId) : draw.id,
      used: (previous?.used ?? 0) + draw.used,
      remaining: (previous?.remaining ?? 0) + draw.remaining,
    });
  }
  return [...rows.values()];
}

export function PackDraws({ quote, form }: { quote: Quote; form: CalculatorForm }) {
  const { t } = useI18n();
  const rows = drawRows(t, quote, form);
  if (rows.length === 0) return null;
  return (
    <section className="mt-3 border-t border-line pt-3">
      <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">{t("calculator.result.packDraws")}</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {rows.map((row) => (
          <li key={row.key} className="flex justify-between gap-4">
            <span className="min-w-0">
              <span className="font-medium text-ink">{row.label}</span> <span className="text-xs text-muted">{row.pack}</span>
            </span>
            <span className="tabular shrink-0 text-xs text-muted">{t("calculator.result.packDraw", { used: formatCount(row.used), remaining: formatCount(row.remaining) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
