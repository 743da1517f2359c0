import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { LiveFreeQuota } from "@/components/live/live-free-quota";
import { FreePackApiCell } from "@/components/metering/free-pack-rows";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { formatMonth } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { freeQuotaOf, liveKeys } from "@/lib/live/keys";
import { freeQuotaJson, serverQueryClient } from "@/lib/live/server";
import { formatCount } from "@/lib/pricing";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("freeQuota.title") };
}

export default async function FreeQuotaPage() {
  const customer = await requireCustomer("/free-quota");
  const ctx = await customerContext(customer);
  // This month's free packs are a live query (issue 19 item 3): calls reported while the page is
  // open show as used without a reload. The past months do not change: they are drawn here.
  const queries = serverQueryClient();
  const [json, { t, locale }] = await Promise.all([queries.fetchQuery({ queryKey: liveKeys.freeQuota, queryFn: () => freeQuotaJson(ctx) }), getTranslator()]);
  const quota = freeQuotaOf(json);
  return (
    <HydrationBoundary state={dehydrate(queries)}>
      <PageHeader title={t("freeQuota.title")} description={t("freeQuota.subtitle")} />
      <div className="space-y-6">
        <h2 className="text-base font-semibold text-ink">{t("freeQuota.thisMonth", { month: formatMonth(locale, quota.month) })}</h2>
        <LiveFreeQuota />

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
                    <summary className="flex cursor-pointer flex-col gap-0.5 rounded px-1 py-1 text-sm hover:bg-canvas sm:flex-row sm:items-baseline sm:justify-between sm:gap-2">
                      <span className="font-medium text-ink">{label}</span>
                      <span className="tabular text-xs text-muted">{t("freeQuota.past.summary", { used: formatCount(used), size: formatCount(size), apis: t("plural.apis", { count: packs.length }) })}</span>
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
    </HydrationBoundary>
  );
}
