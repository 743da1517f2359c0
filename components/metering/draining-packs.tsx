import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { validThrough } from "@/lib/i18n/valid-through";
import { formatDate } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { FORECAST_WINDOW_DAYS, type RunOutForecast } from "@/lib/metering/forecast";
import type { DrainingPack } from "@/lib/metering/pack-forecasts";
import { formatCount } from "@/lib/pricing";
import { itemName } from "@/lib/i18n/names";
import { apiName } from "./api-name";
import { QuotaBar } from "./quota-bar";

function forecastText(t: Translate, locale: Locale, forecast: RunOutForecast): string {
  switch (forecast.kind) {
    case "empty":
      return t("usage.forecast.empty");
    case "not-at-current-rate":
      return t("usage.forecast.notAtRate");
    case "expires-first":
      return t("usage.forecast.expiresFirst", { date: formatDate(locale, forecast.expiresAt) });
    case "runs-out":
      return t("usage.forecast.runsOut", { date: formatDate(locale, forecast.at), days: forecast.days });
  }
}

/** Each usable prepaid pack with its run-out forecast at the last 7 days' rate (issue 5, SPEC §5). */
export function DrainingPacks({ t, locale, packs }: { t: Translate; locale: Locale; packs: DrainingPack[] }) {
  if (packs.length === 0) return <EmptyState>{t("usage.draining.empty")}</EmptyState>;
  return (
    <Table label={t("usage.draining.title")}>
      <thead>
        <tr>
          <Th>{t("usage.draining.pack")}</Th>
          <Th>{t("usage.draining.remaining")}</Th>
          <Th className="text-right">{t("usage.draining.rate")}</Th>
          <Th>{t("usage.draining.expires")}</Th>
          <Th>{t("usage.draining.forecast")}</Th>
        </tr>
      </thead>
      <tbody>
        {packs.map(({ pack, forecast, drawnInWindow }) => (
          <tr key={pack.id} data-testid="draining-pack">
            <Td>
              <div className="font-medium">{pack.packSpec ? itemName(t, pack.packSpec) : apiName(locale, pack.api)}</div>
              <div className="flex items-center gap-2 text-xs text-muted">
                <span className="font-mono">{pack.api}</span>
                <Badge tone={pack.source === "gift" ? "blue" : "neutral"}>{t(pack.source === "gift" ? "usage.pack.gift" : "usage.pack.purchase")}</Badge>
              </div>
            </Td>
            <Td>
              <QuotaBar left={pack.remaining} size={pack.size} label={t("usage.pack.left", { remaining: formatCount(pack.remaining), size: formatCount(pack.size) })} />
            </Td>
            <Td className="text-right">
              <div>{formatCount(drawnInWindow)}</div>
              <div className="text-xs text-muted">{t("usage.draining.perDay", { calls: formatCount(Math.round(drawnInWindow / FORECAST_WINDOW_DAYS)) })}</div>
            </Td>
            <Td>{validThrough(t, locale, pack.expiresAt)}</Td>
            <Td className={forecast.kind === "runs-out" && forecast.days <= 7 ? "font-medium text-amber-700" : ""}>{forecastText(t, locale, forecast)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
