import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, formatMonth } from "@/lib/i18n/format-date";
import { FreePackApiCell } from "@/components/metering/free-pack-rows";
import { QuotaBar } from "@/components/metering/quota-bar";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { validThrough } from "@/lib/i18n/valid-through";
import { getTranslator } from "@/lib/i18n/server";
import { freeQuota } from "@/lib/metering/free-quota";
import { formatCount } from "@/lib/pricing";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("freeQuota.title") };
}

export default async function FreeQuotaPage() {
  const customer = await requireCustomer("/free-quota");
  const ctx = await customerContext(customer);
  const [quota, { t, locale }] = await Promise.all([freeQuota({ ctx }), getTranslator()]);
  const left = (remaining: number, size: number) => t("freeQuota.left", { left: formatCount(remaining), size: formatCount(size) });
  return (
    <>
      <PageHeader title={t("freeQuota.title")} description={t("freeQuota.subtitle")} />
      <div className="space-y-6">
        <h2 className="text-base font-semibold text-ink">{t("freeQuota.thisMonth", { month: formatMonth(locale, quota.month) })}</h2>
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

        <Card title={t("freeQuota.past.title")}>
          <p className="mb-3 text-xs text-muted">{t("freeQuota.past.note")}</p>
          {quota.past.length === 0 ? (
            <EmptyState>{t("freeQuota.past.empty")}</EmptyState>
          ) : (
            // One closed disclosure per past month, newest first: an old account's page stays short.
            <div className="divide-y divide-line" data-testid="free-past">
              {quota.past.map(({ month, packs }) => {
                const used = packs.reduce((sum, pack) => sum + pack.used, 0);
                const size = packs.reduce((sum, pack) => sum + pack.size, 0);
                const label = formatMonth(locale, month);
                return (
                  <details key={month} className="group py-2" data-testid={`free-past-${month}`}>
                    <summary className="flex cursor-pointer flex-wrap items-baseline justify-between gap-2 rounded px-1 py-1 text-sm hover:bg-canvas">
                      <span className="font-medium text-ink">{label}</span>
                      <span className="tabular text-xs text-muted">{t("freeQuota.past.summary", { used: formatCount(used), size: formatCount(size), packs: t("plural.packs", { count: packs.length }) })}</span>
                    </summary>
                    <div className="mt-2">
                      <Table label={`${t("freeQuota.past.title")}: ${label}`}>
                        <thead>
                          <tr>
                            <Th>{t("freeQuota.col.api")}</Th>
                            <Th className="text-right">{t("freeQuota.col.size")}</Th>
                            <Th className="text-right">{t("freeQuota.col.used")}</Th>
                          </tr>
                        </thead>
                        <tbody>
                          {packs.map((pack) => (
                            <tr key={pack.packId}>
                              <FreePackApiCell t={t} locale={locale} pack={pack} />
                              <Td className="text-right">{formatCount(pack.size)}</Td>
                              <Td className="text-right">{formatCount(pack.used)}</Td>
                            </tr>
                          ))}
                        </tbody>
                      </Table>
                    </div>
                  </details>
                );
              })}
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
