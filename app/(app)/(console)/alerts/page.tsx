import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { ThresholdForm } from "@/components/metering/threshold-form";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { can, customerContext, requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { listThresholds } from "@/lib/metering/thresholds";
import { productSellsPacks } from "@/lib/pricing";
import { updateThresholdAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("alerts.title") };
}

export default async function AlertsPage() {
  const customer = await requireCustomer("/alerts");
  const ctx = await customerContext(customer);
  const [thresholds, { t }] = await Promise.all([listThresholds({ ctx }), getTranslator()]);
  return (
    <>
      <PageHeader title={t("alerts.title")} description={t("alerts.subtitle")} />
      <div className="space-y-6">
        <Card>
          <Table label={t("alerts.title")}>
            <thead>
              <tr>
                <Th>{t("alerts.col.product")}</Th>
                <Th>{t("alerts.col.threshold")}</Th>
                <Th>{t("alerts.col.exhausted")}</Th>
              </tr>
            </thead>
            <tbody>
              {thresholds.map((row) => (
                <tr key={row.product} data-testid={`threshold-row-${row.product}`}>
                  <Td>
                    <div className="font-medium">{t(`product.${row.product}`)}</div>
                    <div className="text-xs text-muted">{row.isDefault ? t("alerts.default") : t("alerts.custom", { percent: row.defaultPercent })}</div>
                    {productSellsPacks(row.product) ? null : (
                      <p className="mt-1 max-w-xs text-xs text-muted" data-testid="free-only">
                        {t("alerts.freeOnly")}
                      </p>
                    )}
                  </Td>
                  <Td>
                    {can(customer, "alerts#updateThresholdAction") ? (
                      <ThresholdForm product={row.product} lowPercent={row.lowPercent} save={updateThresholdAction} />
                    ) : (
                      <span className="tabular">{row.lowPercent}%</span>
                    )}
                  </Td>
                  <Td>
                    <Badge tone="green">{t("alerts.alwaysOn")}</Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card title={t("alerts.rules.title")}>
          <ul className="list-disc space-y-2 pl-5 text-sm text-ink/90">
            <li>{t("alerts.rules.once")}</li>
            <li>{t("alerts.rules.scan")}</li>
            <li>{t("alerts.rules.free")}</li>
            <li>{t("alerts.rules.jump")}</li>
            <li>{t("alerts.rules.change")}</li>
            <li>
              <Link href="/messages/subscriptions" className="text-brand-600 hover:underline">
                {t("alerts.rules.channels")}
              </Link>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}
