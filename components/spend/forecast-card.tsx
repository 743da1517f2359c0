import Link from "@/components/ui/app-link";
import { formatMonth } from "@/lib/i18n/format-date";
import { apiName } from "@/components/metering/api-name";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import type { MonthForecast } from "@/lib/forecast/model";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing/format";
import { formatCount } from "@/lib/pricing/money-text";

/** The month-end forecast (issue 13): the total with its range, per API, and the model in one sentence. */
export function ForecastCard({ t, locale, forecast }: { t: Translate; locale: Locale; forecast: MonthForecast }) {
  return (
    <Card title={t("forecast.title")} actions={<Badge tone="amber">{t("forecast.badge")}</Badge>}>
      <div data-testid="month-forecast">
        {forecast.apis.length === 0 ? (
          <EmptyState>{t("forecast.empty")}</EmptyState>
        ) : !forecast.enough ? (
          // Too little history (issue 19): no figure that could be read as a forecast, only what is known.
          <div data-testid="forecast-thin">
            <p className="font-medium text-ink">{t("forecast.thin.title")}</p>
            <p className="mt-1 text-sm text-muted">{t("forecast.thin.body", { days: forecast.needFullDays, full: forecast.fullDays })}</p>
            <p className="tabular mt-2 text-sm text-ink">{t("forecast.thin.soFar", { amount: formatYuan(forecast.actualTotal) })}</p>
          </div>
        ) : (
          <>
            <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
              <div>
                <p className="text-xs text-muted">{t("forecast.total", { month: formatMonth(locale, forecast.month) })}</p>
                <p className="tabular text-2xl font-semibold text-ink" data-testid="forecast-total">
                  {formatYuan(forecast.total)}
                </p>
                <p className="text-sm text-muted" data-testid="forecast-range">
                  {t("forecast.range", { low: formatYuan(forecast.totalLow), high: formatYuan(forecast.totalHigh) })}
                </p>
              </div>
              <p className="text-xs text-muted">{t("forecast.day", { day: forecast.day, days: forecast.daysInMonth })}</p>
            </div>
            <div className="mt-4">
              <Table label={t("forecast.title")}>
                <thead>
                  <tr>
                    <Th>{t("forecast.col.api")}</Th>
                    <Th className="text-right">{t("forecast.col.calls")}</Th>
                    <Th className="text-right">{t("forecast.col.amount")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {forecast.apis.map((line) => (
                    <tr key={line.api} data-testid={`forecast-${line.api}`}>
                      <Td className="font-medium whitespace-normal">{apiName(locale, line.api)}</Td>
                      <Td className="text-right">
                        <div>{formatCount(line.calls)}</div>
                        <div className="text-xs whitespace-nowrap text-muted">{t("forecast.soFar", { calls: formatCount(line.callsSoFar) })}</div>
                      </Td>
                      <Td className="text-right">
                        <div className="font-medium whitespace-nowrap">{formatYuan(line.amount)}</div>
                        {/* A range breaks only at its dash, and only on a phone. */}
                        <div className="text-xs text-muted sm:whitespace-nowrap">
                          <span className="whitespace-nowrap">{formatYuan(line.amountLow)} –</span> <span className="whitespace-nowrap">{formatYuan(line.amountHigh)}</span>
                        </div>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </>
        )}
        <p className="mt-3 text-xs text-muted">{t("forecast.model")}</p>
        <Link href="/budgets" className="mt-2 inline-block text-sm text-brand-600 hover:underline">
          {t("forecast.budgets")}
        </Link>
      </div>
    </Card>
  );
}
