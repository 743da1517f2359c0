"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { ONE_TIME_ITEMS } from "@/lib/pricing/catalog/one-time";
import { formatCount, formatYuan } from "@/lib/pricing/format";
import { type Quote, type QuotePurchase } from "@/lib/pricing/quote/quote-month";
import type { Translate } from "@/lib/i18n/translate";
import { packLabel, periodKey } from "./labels";

function itemLabel(t: Translate, purchase: QuotePurchase): string {
  if (purchase.item === "qps:body") return t("calculator.item.qps");
  const oneTime = ONE_TIME_ITEMS.find((item) => item.id === purchase.item);
  if (oneTime?.id === "scan.sdk") return t("calculator.item.sdk", { price: formatYuan(oneTime.price ?? "0") });
  return packLabel(t, purchase.item);
}

function quantityText(t: Translate, purchase: QuotePurchase): string {
  const units = `${formatCount(purchase.quantity)} × ${formatYuan(purchase.unitPrice)}`;
  if (!purchase.period) return units;
  return `${units} ${t(periodKey(purchase.period), { count: formatCount(purchase.periods ?? 1) })}`;
}

export function PurchaseLines({ quote }: { quote: Quote }) {
  const { t } = useI18n();
  if (quote.purchases.length === 0) return null;
  return (
    <section className="mt-3 border-t border-line pt-3">
      <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">{t("calculator.result.purchases")}</h3>
      <ul className="mt-1 space-y-1.5 text-sm">
        {quote.purchases.map((purchase, index) => (
          <li key={index} className="flex items-baseline justify-between gap-4" data-testid={`purchase-${index}`}>
            <span className="min-w-0">
              <span className="text-ink">{itemLabel(t, purchase)}</span>
              <span className="tabular block text-xs text-muted">{quantityText(t, purchase)}</span>
            </span>
            <span className="tabular shrink-0 font-medium text-ink">{formatYuan(purchase.amount)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
