import type { Metadata } from "next";
import { InvoiceTable } from "@/components/invoices/invoice-table";
import { RequestInvoiceForm } from "@/components/invoices/request-form";
import { ReversalForm } from "@/components/invoices/reversal-form";
import { getProfile } from "@/lib/profile/profile";
import { TitleForm } from "@/components/invoices/title-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format-date";
import { itemName } from "@/lib/i18n/names";
import { getTranslator } from "@/lib/i18n/server";
import { invoiceableAmount } from "@/lib/invoices/amount";
import { invoiceableOrders } from "@/lib/invoices/orders";
import { listInvoices, type InvoiceTitleSnapshot } from "@/lib/invoices/request";
import { listTitles, specialReady } from "@/lib/invoices/titles";
import { Dec, formatYuan } from "@/lib/pricing";
import { addTitleAction, requestInvoiceAction, requestReversalAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("invoices.page.title") };
}

/** Issue 20 item 4: invoice titles, the invoiceable amount and how it is computed, requests, the PDFs. */
export default async function InvoicesPage() {
  const customer = await requireCustomer("/invoices");
  const ctx = await customerContext(customer);
  const { t, locale } = await getTranslator();
  const [figures, titles, orders, invoices, profile] = await Promise.all([
    invoiceableAmount(ctx.db, customer.accountId),
    listTitles({ ctx }),
    invoiceableOrders(ctx.db, customer.accountId),
    listInvoices({ ctx }),
    getProfile({ ctx }),
  ]);
  const rows: [string, string, boolean?][] = [
    [t("invoices.figures.paidIn"), formatYuan(figures.paidIn)],
    [t("invoices.figures.spent"), formatYuan(figures.spent)],
    [t("invoices.figures.refunded"), `− ${formatYuan(figures.refunded)}`],
    [t("invoices.figures.consumed"), formatYuan(figures.consumed)],
    [t("invoices.figures.invoiced"), `− ${formatYuan(figures.invoiced)}`],
    [t("invoices.figures.invoiceable"), formatYuan(figures.invoiceable), true],
  ];
  const months = figures.months.filter((m) => new Dec(m.available).greaterThan(0)).map((m) => ({ month: m.month, available: m.available, availableText: formatYuan(m.available) }));
  return (
    <>
      <PageHeader title={t("invoices.page.title")} description={t("invoices.page.description")} />
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("invoices.figures.title")}>
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm" data-testid="invoiceable">
              {rows.map(([label, value, total]) => (
                <div key={label} className={`contents ${total ? "font-semibold" : ""}`}>
                  <dt className={total ? "border-t border-line pt-1" : "text-muted"}>{label}</dt>
                  <dd className={`text-right tabular ${total ? "border-t border-line pt-1" : ""}`} data-testid={total ? "invoiceable-amount" : undefined}>
                    {value}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-xs text-muted">{t("invoices.figures.formula")}</p>
            <p className="mt-1 text-xs text-muted">{t("invoices.figures.excluded", { sandbox: formatYuan(figures.sandboxExcluded) })}</p>
          </Card>
          <Card title={t("invoices.request.heading")}>
            {titles.length === 0 ? (
              <EmptyState>{t("invoices.request.needTitle")}</EmptyState>
            ) : new Dec(figures.invoiceable).isZero() ? (
              <EmptyState>{t("invoices.request.nothing")}</EmptyState>
            ) : (
              <RequestInvoiceForm
                action={requestInvoiceAction}
                titles={titles.map((x) => ({ id: x.id, companyName: x.companyName, taxId: x.taxId, specialReady: specialReady(x) }))}
                months={months}
                orders={orders.map((o) => ({ id: o.id, name: `${itemName(t, o.item)}${o.quantity > 1 ? ` × ${o.quantity}` : ""}`, date: formatDate(locale, o.createdAt), cash: o.cash, cashText: formatYuan(o.cash) }))}
                email={customer.email}
              />
            )}
          </Card>
        </div>
        <Card title={t("invoices.list.heading")}>
          <InvoiceTable
            t={t}
            locale={locale}
            rows={invoices.map((i) => ({ ...i, companyName: (i.title as InvoiceTitleSnapshot).companyName }))}
            reversal={(invoiceId) => <ReversalForm action={requestReversalAction} invoiceId={invoiceId} />}
          />
        </Card>
        <Card title={t("invoices.titles.heading")}>
          {titles.length === 0 ? null : (
            <ul className="mb-4 divide-y divide-line text-sm" data-testid="invoice-titles">
              {titles.map((x) => (
                <li key={x.id} className="py-2">
                  <div className="font-medium">{x.companyName}</div>
                  <div className="font-mono text-xs text-muted">{x.taxId}</div>
                  <div className="text-xs text-muted">{specialReady(x) ? t("invoices.titles.specialReady") : t("invoices.titles.normalOnly")}</div>
                </li>
              ))}
            </ul>
          )}
          <TitleForm action={addTitleAction} defaults={{ companyName: profile.companyName }} />
        </Card>
      </div>
    </>
  );
}
