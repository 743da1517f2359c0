import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format-date";
import { apiLabel, itemName } from "@/lib/i18n/names";
import { getTranslator } from "@/lib/i18n/server";
import { formatYuan } from "@/lib/pricing";
import { listRefunds } from "@/lib/refunds/list";
import { returnedParts } from "@/lib/refunds/returned";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("refunds.title") };
}

const tone = { approved: "green", "pending-review": "amber", rejected: "red" } as const;

export default async function RefundsPage() {
  const customer = await requireCustomer("/refunds");
  const ctx = await customerContext(customer);
  const { t, locale } = await getTranslator();
  const refunds = await listRefunds({ ctx });
  return (
    <>
      <PageHeader title={t("refunds.title")} description={t("refunds.description")} />
      <div className="space-y-6">
        <Card>
          {refunds.length === 0 ? (
            <EmptyState>{t("refunds.none")}</EmptyState>
          ) : (
            <Table label={t("refunds.title")}>
              <thead>
                <tr>
                  <Th>{t("refunds.col.pack")}</Th>
                  <Th>{t("refunds.col.requested")}</Th>
                  <Th>{t("refunds.col.status")}</Th>
                  <Th className="whitespace-nowrap">{t("refunds.col.returned")}</Th>
                  <Th className="whitespace-nowrap text-right">{t("refunds.col.voucher")}</Th>
                  <Th>{t("refunds.col.decided")}</Th>
                </tr>
              </thead>
              <tbody>
                {refunds.map((refund) => (
                  <tr key={refund.id} data-testid="refund-row">
                    <Td>
                      {refund.packSpec ? itemName(t, refund.packSpec) : apiLabel(t, refund.api)}
                      <div className="font-mono text-xs text-muted">{refund.api}</div>
                    </Td>
                    <Td className="whitespace-nowrap">{formatDateTime(locale, refund.requestedAt)}</Td>
                    <Td>
                      <Badge tone={tone[refund.status]}>{t(`refunds.status.${refund.status}`)}</Badge>
                      {refund.reason ? <p className="mt-1 text-xs text-muted">{refund.reason}</p> : null}
                    </Td>
                    <Td className="text-sm">
                      {refund.status === "approved"
                        ? returnedParts(refund).map(([balance, amount], index) => (
                            <span key={balance} className="whitespace-nowrap">
                              {index > 0 ? " · " : null}
                              {t(`refunds.returned.${balance}`, { amount: formatYuan(amount) })}
                            </span>
                          ))
                        : "—"}
                    </Td>
                    <Td className="text-right">{formatYuan(refund.voucherNotReturned)}</Td>
                    <Td className="whitespace-nowrap text-muted">{refund.decidedAt ? formatDateTime(locale, refund.decidedAt) : "—"}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <p className="text-xs text-muted">{t("refunds.rules")}</p>
      </div>
    </>
  );
}
