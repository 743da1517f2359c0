import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/table";
import { formatMonth } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { apiLabel, itemName } from "@/lib/i18n/names";
import type { Translate } from "@/lib/i18n/translate";
import { validThrough } from "@/lib/i18n/valid-through";
import type { PackStatus } from "@/lib/packs/status";
import type { StaffPackRow } from "@/lib/support/staff-packs";

type Row = StaffPackRow & { status: PackStatus };

const tone = { active: "green", "refund-pending": "amber", exhausted: "neutral", expired: "neutral", refunded: "red" } as const;

/**
 * The staff account page's packs: for each, where it came from (a month's free pack, bought, a gift), how much
 * is left, its last valid day and its state. Ended ones (expired, refunded) are folded under a "show" line.
 */
export function StaffPackList({ t, locale, packs }: { t: Translate; locale: Locale; packs: { current: Row[]; ended: Row[]; endedTotal: number } }) {
  if (packs.current.length === 0 && packs.ended.length === 0) return <EmptyState>{t("staff.account.noPacks")}</EmptyState>;
  return (
    <>
      {packs.current.length === 0 ? <p className="text-sm text-muted">{t("staff.account.packs.noneCurrent")}</p> : <PackRows t={t} locale={locale} rows={packs.current} />}
      {packs.ended.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-brand-600">{t("staff.account.packs.showEnded", { count: packs.endedTotal })}</summary>
          <PackRows t={t} locale={locale} rows={packs.ended} />
          {packs.endedTotal > packs.ended.length ? <p className="mt-2 text-xs text-muted">{t("staff.account.packs.endedLatest", { shown: packs.ended.length, total: packs.endedTotal })}</p> : null}
        </details>
      ) : null}
    </>
  );
}

function PackRows({ t, locale, rows }: { t: Translate; locale: Locale; rows: Row[] }) {
  return (
    <ul className="divide-y divide-line text-sm">
      {rows.map((p) => (
        <li key={p.id} data-testid="staff-pack" className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2">
          <span className="min-w-0">
            <span className="font-medium">{p.packSpec ? itemName(t, p.packSpec) : apiLabel(t, p.api)}</span>
            <span className="block text-xs text-muted">
              {origin(t, locale, p)} · {t("staff.account.packRemaining", { remaining: p.remaining.toLocaleString(locale), size: p.size.toLocaleString(locale) })} · {t("staff.account.packs.validThrough", { date: validThrough(t, locale, p.expiresAt) })}
            </span>
          </span>
          <Badge tone={tone[p.status]}>{t(`packs.status.${p.status}`)}</Badge>
        </li>
      ))}
    </ul>
  );
}

function origin(t: Translate, locale: Locale, p: Row): string {
  // The customer's pack table words it the same way (a free pack is a month's quota or the one-time grant).
  if (p.source === "free") return p.freeMonth ? t("packs.freeMonth", { month: formatMonth(locale, p.freeMonth) }) : t("packs.oneTimeGrant");
  return t(`packs.source.${p.source}`);
}
