"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "@/components/ui/app-link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FreePackApiCell } from "@/components/metering/free-pack-rows";
import { QuotaBar } from "@/components/metering/quota-bar";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/i18n/format-date";
import { validThrough } from "@/lib/i18n/valid-through";
import { fetchLive, freeQuotaOf, LIVE_INTERVALS, liveKeys, type FreeQuotaJson } from "@/lib/live/keys";
import { formatCount } from "@/lib/pricing/money-text";

/**
 * This month's free packs of each activated product and the one-time grant, used and left, as a
 * live query (issue 19 item 3): prefetched by the free quota page, refetched while the tab is
 * visible, so calls reported while the page is open count here as they do on the usage page.
 */
export function LiveFreeQuota() {
  const { t, locale } = useI18n();
  const { data } = useQuery({ queryKey: liveKeys.freeQuota, queryFn: () => fetchLive<FreeQuotaJson>("/api/console/free-quota"), refetchInterval: LIVE_INTERVALS.freeQuota });
  if (!data) return null;
  const quota = freeQuotaOf(data);
  const left = (remaining: number, size: number) => t("freeQuota.left", { left: formatCount(remaining), size: formatCount(size) });
  return (
    <>
      {quota.products.length === 0 ? (
        <Card>
          <div className="space-y-2 py-4 text-center text-sm text-muted">
            <p>{t("freeQuota.noProducts")}</p>
            <Link href="/services" className="text-brand-600 hover:underline">
              {t("freeQuota.noProducts.link")}
            </Link>
          </div>
        </Card>
      ) : (
        quota.products.map((product) => (
          <Card
            key={product.product}
            title={
              <span className="flex items-center gap-3">
                {t(`product.${product.product}`)}
                <span className="text-xs font-normal text-muted">{t("freeQuota.activatedOn", { date: formatDate(locale, product.activatedAt) })}</span>
              </span>
            }
          >
            {product.packs.length === 0 ? (
              <Alert tone="warning">{t("freeQuota.noPack")}</Alert>
            ) : (
              <Table label={t(`product.${product.product}`)}>
                <thead>
                  <tr>
                    <Th>{t("freeQuota.col.api")}</Th>
                    <Th className="text-right">{t("freeQuota.col.size")}</Th>
                    <Th className="text-right">{t("freeQuota.col.used")}</Th>
                    <Th>{t("freeQuota.col.left")}</Th>
                    <Th>{t("freeQuota.col.validUntil")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {product.packs.map((pack) => (
                    <tr key={pack.packId} data-testid={`free-${pack.pool}`}>
                      <FreePackApiCell t={t} locale={locale} pack={pack} />
                      <Td className="text-right">{formatCount(pack.size)}</Td>
                      <Td className="text-right">{formatCount(pack.used)}</Td>
                      <Td>
                        <QuotaBar left={pack.remaining} size={pack.size} label={left(pack.remaining, pack.size)} />
                      </Td>
                      {/* The pack is valid until the month ends: show the last instant's day, not the next month's 1st. */}
                      <Td>{validThrough(t, locale, pack.expiresAt)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        ))
      )}

      {quota.grant ? (
        <Card
          title={
            <span className="flex items-center gap-3">
              {t("freeQuota.grant.title")}
              <Badge tone={quota.grant.status === "active" ? "green" : "neutral"}>
                {t(quota.grant.status === "active" ? "freeQuota.grant.status.active" : quota.grant.status === "expired" ? "freeQuota.grant.status.expired" : "freeQuota.grant.status.exhausted")}
              </Badge>
            </span>
          }
        >
          <div className="flex flex-wrap items-center justify-between gap-4" data-testid="free-grant">
            <p className="max-w-xl text-sm text-muted">{t("freeQuota.grant.body", { size: formatCount(quota.grant.size) })}</p>
            <div className="space-y-1">
              <QuotaBar left={quota.grant.remaining} size={quota.grant.size} label={left(quota.grant.remaining, quota.grant.size)} />
              <p className="text-xs text-muted">{t("freeQuota.grant.validUntil", { date: validThrough(t, locale, quota.grant.expiresAt) })}</p>
            </div>
          </div>
        </Card>
      ) : null}
    </>
  );
}
