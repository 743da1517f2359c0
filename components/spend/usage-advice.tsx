import Link from "@/components/ui/app-link";
import { formatMonth } from "@/lib/i18n/format-date";
import { apiName } from "@/components/metering/api-name";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import type { UsageAdvice } from "@/lib/forecast/advice";
import type { Locale } from "@/lib/i18n/locales";
import { itemName } from "@/lib/i18n/names";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing/format";
import { formatCount } from "@/lib/pricing/money-text";

/** The calculator prefilled with the month and the API's calls (and the pack, for pack advice). */
function calculatorHref(advice: UsageAdvice): string {
  const query = new URLSearchParams({ month: advice.month, api: advice.api, calls: String(advice.kind === "tier" ? advice.calls : advice.billable) });
  if (advice.kind === "pack") {
    query.set("pack", advice.packId);
    query.set("quantity", String(advice.quantity));
  }
  return `/calculator?${query.toString()}`;
}

/**
 * Advice from the account's own usage (issue 13), each with the way to act on it. `canBuy`: the
 * viewer's role may open checkout (issue 21); without it the "buy" link, a 404 for them, is left out.
 */
export function UsageAdviceCard({ t, locale, advice, canBuy = true }: { t: Translate; locale: Locale; advice: readonly UsageAdvice[]; canBuy?: boolean }) {
  return (
    <Card title={t("advice.title")}>
      <div data-testid="usage-advice">
        {advice.length === 0 ? (
          <EmptyState>{t("advice.empty")}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {advice.map((item) => (
              <li key={`${item.kind}-${item.api}`} className="space-y-2 text-sm" data-testid={`advice-${item.kind}-${item.api}`}>
                <p>
                  {item.kind === "pack"
                    ? t("advice.pack", {
                        month: formatMonth(locale, item.month),
                        postpaid: formatYuan(item.postpaid),
                        api: apiName(locale, item.api),
                        quantity: item.quantity,
                        pack: itemName(t, item.packId),
                        alternative: formatYuan(item.alternative),
                        saving: formatYuan(item.saving),
                      })
                    : t("advice.tier", {
                        short: formatCount(item.short),
                        tier: item.tier,
                        api: apiName(locale, item.api),
                        better: formatCount(item.betterCalls),
                        betterAmount: formatYuan(item.betterAmount),
                        amount: formatYuan(item.amount),
                      })}
                </p>
                <div className="flex flex-wrap gap-2">
                  {item.kind === "pack" && canBuy ? (
                    <Link href={`/checkout?item=${encodeURIComponent(item.packId)}&quantity=${item.quantity}`} className={buttonClass("primary", "whitespace-normal px-3 py-1.5 text-left text-xs")}>
                      {t("advice.buy", { pack: itemName(t, item.packId) })}
                    </Link>
                  ) : null}
                  <Link href={calculatorHref(item)} className={buttonClass("secondary", "whitespace-normal px-3 py-1.5 text-left text-xs")}>
                    {t("advice.calculator")}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-xs text-muted">{t("advice.note")}</p>
      </div>
    </Card>
  );
}
