import type { Translate } from "@/lib/i18n/translate";
import type { ApiDailyUsage } from "@/lib/metering/daily-usage";
import { formatCount } from "@/lib/pricing/money-text";

const SEGMENTS = [
  { key: "free", legend: "usage.legend.free", swatch: "bg-emerald-500" },
  { key: "fromPacks", legend: "usage.legend.packs", swatch: "bg-brand-500" },
  { key: "billable", legend: "usage.legend.billable", swatch: "bg-amber-400" },
] as const;

export function ChartLegend({ t }: { t: Translate }) {
  return (
    <ul className="flex flex-wrap gap-4 text-xs text-muted">
      {SEGMENTS.map((segment) => (
        <li key={segment.key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-sm ${segment.swatch}`} />
          {t(segment.legend)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Calls per day of one API as stacked CSS bars (free quota, resource packs, postpaid): no chart
 * library, no network. Each bar has a title; the same numbers are in a table below for screen readers.
 */
export function DailyChart({ t, usage, apiLabel, month }: { t: Translate; usage: ApiDailyUsage; apiLabel: string; /** The month by name (formatMonth). */ month: string }) {
  const max = Math.max(1, ...usage.days.map((d) => d.calls));
  const dayText = (d: ApiDailyUsage["days"][number]) =>
    t("usage.chart.day", { day: d.day, calls: formatCount(d.calls), free: formatCount(d.free), packs: formatCount(d.fromPacks), billable: formatCount(d.billable) });
  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <div className="flex h-32 flex-col justify-between text-right text-[10px] text-muted tabular" aria-hidden="true">
          <span>{formatCount(max)}</span>
          <span>0</span>
        </div>
        <div className="min-w-0 flex-1">
          <div role="img" aria-label={t("usage.chart.label", { api: apiLabel, month })} className="flex h-32 items-end gap-px border-b border-slate-300">
            {usage.days.map((d) => (
              // Heights are display ratios of call counts (not money).
              <div key={d.day} title={dayText(d)} className="flex h-full flex-1 flex-col-reverse hover:bg-slate-50">
                {SEGMENTS.map((segment) =>
                  d[segment.key] > 0 ? <div key={segment.key} className={segment.swatch} style={{ height: `${(d[segment.key] / max) * 100}%` }} /> : null,
                )}
              </div>
            ))}
          </div>
          <div className="flex gap-px text-[10px] text-muted tabular" aria-hidden="true">
            {usage.days.map((d) => {
              const dayNumber = Number(d.day.slice(8));
              return (
                <span key={d.day} className="flex-1 text-center">
                  {dayNumber === 1 || dayNumber % 5 === 0 ? dayNumber : ""}
                </span>
              );
            })}
          </div>
        </div>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs text-brand-600">{t("usage.chart.table")}</summary>
        <div className="mt-2 max-h-64 overflow-y-auto">
          <table className="tabular w-full text-left text-xs">
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">{t("usage.col.day")}</th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">{t("usage.col.calls")}</th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">{t("usage.col.free")}</th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">{t("usage.col.packs")}</th>
                <th scope="col" className="py-1 text-right font-medium">{t("usage.col.billable")}</th>
              </tr>
            </thead>
            <tbody>
              {usage.days
                .filter((d) => d.calls > 0)
                .map((d) => (
                  <tr key={d.day} className="border-t border-line/70">
                    <th scope="row" className="py-1 pr-4 font-normal">{d.day}</th>
                    <td className="py-1 pr-4 text-right">{formatCount(d.calls)}</td>
                    <td className="py-1 pr-4 text-right">{formatCount(d.free)}</td>
                    <td className="py-1 pr-4 text-right">{formatCount(d.fromPacks)}</td>
                    <td className="py-1 text-right">{formatCount(d.billable)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
