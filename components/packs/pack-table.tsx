import type { ReactNode } from "react";
import { formatDate, formatMonth } from "@/lib/i18n/format-date";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/locales";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import type { PackView } from "@/lib/packs/list";
import { validThrough } from "@/lib/i18n/valid-through";
import { apiById, isApiId } from "@/lib/pricing";
import { RefundedBar } from "./remaining-bar";
import { itemName } from "@/lib/i18n/names";
import { RefundButton, type RefundPreviewView, type RefundState } from "./refund-button";
import type { FormAction } from "@/components/ui/form-action";
import { LivePackRemaining } from "@/components/live/pack-remaining";

const statusTone = { active: "green", exhausted: "neutral", expired: "neutral", refunded: "blue", "refund-pending": "amber" } as const;
const sourceTone = { free: "blue", purchase: "neutral", gift: "amber" } as const;

function apiName(locale: Locale, api: string): string {
  if (!isApiId(api)) return api;
  const found = apiById(api);
  return locale === "zh-CN" ? found.nameZh : found.name;
}

export function PackTable({
  t,
  locale,
  packs,
  previews,
  refund,
  empty,
}: {
  t: Translate;
  locale: Locale;
  packs: PackView[];
  previews: Map<string, RefundPreviewView>;
  /** Absent when the member's role may not ask for refunds (docs/roles.md). */
  refund?: FormAction<RefundState>;
  /** What an empty table says: the page knows whether filters hide packs or there are none yet. */
  empty?: ReactNode;
}) {
  if (packs.length === 0) return <EmptyState>{empty ?? t("packs.none")}</EmptyState>;
  return (
    <Table label={t("packs.title")}>
      <thead>
        <tr>
          <Th>{t("packs.col.api")}</Th>
          <Th>{t("packs.col.source")}</Th>
          <Th>{t("packs.col.remaining")}</Th>
          <Th>{t("packs.col.validity")}</Th>
          <Th>{t("packs.col.status")}</Th>
          <Th>{t("packs.col.refund")}</Th>
        </tr>
      </thead>
      <tbody>
        {packs.map((pack) => {
          // `until` is the last instant (inclusive); validThrough takes an exclusive end.
          const until = pack.refund.until ? validThrough(t, locale, new Date(pack.refund.until.getTime() + 1)) : "";
          const why = pack.refund.refundable ? null : `packs.refund.why.${pack.refund.reason}`;
          return (
            <tr key={pack.id} data-testid="pack-row" data-pack-spec={pack.packSpec ?? ""} data-status={pack.status}>
              <Td>
                <p className="font-medium">{pack.packSpec ? itemName(t, pack.packSpec) : apiName(locale, pack.api)}</p>
                <p className="font-mono text-xs text-muted">{pack.api}</p>
              </Td>
              <Td className="min-w-28">
                <Badge tone={sourceTone[pack.source]}>{t(`packs.source.${pack.source}`)}</Badge>
                <p className="mt-1 text-xs text-muted">
                  {pack.freeMonth ? t("packs.freeMonth", { month: formatMonth(locale, pack.freeMonth) }) : pack.oneTimeGrant ? t("packs.oneTimeGrant") : null}
                </p>
              </Td>
              <Td>
                {pack.status === "refunded" ? (
                  <RefundedBar text={t("packs.refundedRemaining")} />
                ) : (
                  <LivePackRemaining packId={pack.id} remaining={pack.remaining} size={pack.size} label={t("packs.remainingOf")} />
                )}
              </Td>
              <Td className="whitespace-nowrap text-xs">
                <p>
                  <span className="text-muted">{t("packs.col.delivered")}</span> {formatDate(locale, pack.deliveredAt)}
                </p>
                <p className="mt-0.5">
                  <span className="text-muted">{t("packs.col.expires")}</span> {validThrough(t, locale, pack.expiresAt)}
                </p>
              </Td>
              <Td>
                <Badge tone={statusTone[pack.status]}>{t(`packs.status.${pack.status}`)}</Badge>
              </Td>
              <Td className="w-56 max-w-[14rem] whitespace-normal">
                {pack.refund.refundable && refund ? (
                  <RefundButton
                    packId={pack.id}
                    until={until}
                    name={pack.packSpec ? itemName(t, pack.packSpec) : apiName(locale, pack.api)}
                    preview={previews.get(pack.id) ?? { cash: "0.00", income: "0.00", gift: "0.00", total: "0.00", voucherNotReturned: "0.00", review: false }}
                    refund={refund}
                  />
                ) : why && isMessageKey(why) ? (
                  <span className="text-xs text-muted" data-testid="refund-why">
                    {t(why, { date: until })}
                  </span>
                ) : (
                  <span className="text-xs text-muted">—</span>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
