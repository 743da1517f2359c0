import Link from "@/components/ui/app-link";
import { apiName } from "@/components/metering/api-name";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/locales";
import { validThrough } from "@/lib/i18n/valid-through";
import type { Translate } from "@/lib/i18n/translate";
import type { PackAttention } from "@/lib/metering/pack-attention";
import { formatCount } from "@/lib/pricing";

export function AttentionPacks({ t, locale, packs }: { t: Translate; locale: Locale; packs: PackAttention[] }) {
  return (
    <Card
      title={t("overview.packs.title")}
      actions={
        <Link href="/packs" className="text-sm text-brand-600 hover:underline">
          {t("overview.packs.link")}
        </Link>
      }
    >
      {packs.length === 0 ? (
        <EmptyState>{t("overview.packs.none")}</EmptyState>
      ) : (
        <ul className="divide-y divide-line">
          {packs.slice(0, 6).map(({ pack, expiringInDays, percentLeft, lowThreshold }) => (
            <li key={pack.id} className="py-2.5 text-sm" data-testid="attention-pack">
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium">{apiName(locale, pack.api)}</span>
                <span className="tabular text-muted">{t("overview.packs.remaining", { remaining: formatCount(pack.remaining), size: formatCount(pack.size) })}</span>
              </div>
              {expiringInDays !== null ? <p className="text-xs text-amber-800">{t("overview.packs.expires", { date: validThrough(t, locale, pack.expiresAt), days: expiringInDays })}</p> : null}
              {lowThreshold !== null ? <p className="text-xs text-amber-800">{t("overview.packs.low", { percent: percentLeft, threshold: lowThreshold })}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
