import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { ActivateForm } from "@/components/packs/activate-form";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { can, customerContext, requireCustomer } from "@/lib/auth/session";
import { formatDate, formatMonth } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { activeProducts, TERMS_VERSION } from "@/lib/packs/activation";
import { APIS, formatCount, monthlyFreeCalls, monthOf, oneTimeGrantOf, PACKS, priceBookForMonth, PRODUCTS } from "@/lib/pricing";
import { activateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("services.title") };
}

export default async function ServicesPage() {
  const customer = await requireCustomer("/services");
  const ctx = await customerContext(customer);
  const { t, locale } = await getTranslator();
  const active = await activeProducts({ ctx });
  const book = priceBookForMonth(monthOf(ctx.now));
  return (
    <>
      <PageHeader title={t("services.title")} description={t("services.description")} />
      <p className="mb-4 text-xs text-muted">{t("services.priceBook", { month: formatMonth(locale, book.id) })}</p>
      <div className="space-y-6">
        {PRODUCTS.map((product) => {
          const since = active.get(product.id);
          const apis = APIS.filter((api) => api.product === product.id && book.apis.includes(api.id));
          const sellsPacks = PACKS.some((pack) => apis.some((api) => api.id === pack.api));
          return (
            <Card
              key={product.id}
              title={
                <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="whitespace-nowrap">{t(`product.${product.id}`)}</span>
                  <Badge tone={since ? "green" : "neutral"}>{since ? t("services.active", { date: formatDate(locale, since) }) : t("services.inactive")}</Badge>
                </span>
              }
              actions={
                <span className="flex flex-wrap justify-end gap-3 text-sm whitespace-nowrap">
                  <Link href={`/prices/${product.id}`} className="text-brand-600 hover:underline">
                    {t("prices.seeAll")}
                    <span className="sr-only">: {t(`product.${product.id}`)}</span>
                  </Link>
                  {since && sellsPacks ? (
                    <Link href={`/packs?product=${product.id}#buy`} className="text-brand-600 hover:underline">
                      {t("services.buyPacks")}
                    </Link>
                  ) : null}
                </span>
              }
            >
              <div data-testid={`service-${product.id}`} className="space-y-4">
                <Table label={t(`product.${product.id}`)}>
                  <thead>
                    <tr>
                      <Th>{t("services.api")}</Th>
                      <Th>{t("services.apiId")}</Th>
                      <Th className="text-right">{t("services.freeQuota")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {apis.map((api) => {
                      const monthly = monthlyFreeCalls(book, api.id);
                      const once = oneTimeGrantOf(api.id);
                      return (
                        <tr key={api.id}>
                          <Td>{locale === "zh-CN" ? api.nameZh : api.name}</Td>
                          <Td className="font-mono text-xs text-muted">{api.id}</Td>
                          <Td className="text-right">
                            {monthly > 0
                              ? t("services.freeQuota.calls", { calls: formatCount(monthly) })
                              : once
                                ? t("services.freeQuota.once", { calls: formatCount(once.calls) })
                                : t("services.freeQuota.none")}
                          </Td>
                        </tr>
                      );
                    })}
                  </tbody>
                </Table>
                {since || !can(customer, "services#activateAction") ? null : <ActivateForm product={product.id} termsVersion={formatMonth(locale, TERMS_VERSION)} activate={activateAction} />}
              </div>
            </Card>
          );
        })}
      </div>
    </>
  );
}
