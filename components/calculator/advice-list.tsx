"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import type { Advice } from "@/lib/calculator/advice";
import { formatCount, formatYuan } from "@/lib/pricing/format";
import type { Translate } from "@/lib/i18n/translate";
import { apiName } from "./labels";

function adviceText(t: Translate, advice: Advice): string {
  const api = apiName(t, advice.api);
  if (advice.kind === "tier") {
    return t("calculator.advice.tier", {
      api,
      calls: formatCount(advice.calls),
      amount: formatYuan(advice.amount),
      betterCalls: formatCount(advice.betterCalls),
      tier: advice.tier,
      unitPrice: `¥${advice.unitPrice}`,
      betterAmount: formatYuan(advice.betterAmount),
      saving: formatYuan(advice.saving),
    });
  }
  const parts = [
    t("calculator.advice.pack", {
      api,
      billable: formatCount(advice.billable),
      postpaid: formatYuan(advice.postpaid),
      quantity: formatCount(advice.quantity),
      packCalls: formatCount(advice.packCalls),
      packCost: formatYuan(advice.packCost),
      alternative: formatYuan(advice.alternative),
      saving: formatYuan(advice.saving),
    }),
  ];
  if (advice.stillPostpaid !== "0.00") parts.push(t("calculator.advice.packRest", { stillPostpaid: formatYuan(advice.stillPostpaid) }));
  if (advice.leftover > 0) parts.push(t("calculator.advice.leftover", { leftover: formatCount(advice.leftover) }));
  return parts.join(" ");
}

/** Where more calls (a tier boundary) or packs would cost less, with the figures. */
export function AdviceList({ advice }: { advice: readonly Advice[] }) {
  const { t } = useI18n();
  if (advice.length === 0) return null;
  return (
    <section aria-labelledby="calc-advice" className="space-y-2">
      <h2 id="calc-advice" className="text-sm font-semibold text-ink">
        {t("calculator.advice.title")}
      </h2>
      <ul className="space-y-2">
        {advice.map((item) => (
          <li key={`${item.kind}-${item.api}`} data-testid={`advice-${item.kind}-${item.api}`}>
            <Alert tone="warning">{adviceText(t, item)}</Alert>
          </li>
        ))}
      </ul>
    </section>
  );
}
