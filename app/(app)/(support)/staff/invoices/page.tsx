import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { confirmReversalAction, issueInvoiceAction, rejectInvoiceAction } from "@/app/(app)/(support)/staff/actions";
import { IssueInvoiceForm } from "@/components/invoices/issue-form";
import { PageHeader } from "@/components/shell/page-header";
import { ToolForm } from "@/components/support/tool-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { requireStaff, staffContext } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import type { InvoiceTitleSnapshot } from "@/lib/invoices/request";
import { formatYuan } from "@/lib/pricing";
import { invoiceQueue } from "@/lib/support/invoice-review";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("staff.invoices.title") };
}

/** Issue 20 item 4: invoice requests to issue or reject, and red-letter reversals to record. */
export default async function StaffInvoicesPage() {
  const staff = await requireStaff();
  const ctx = await staffContext(staff);
  const { t, locale } = await getTranslator();
  const queue = await invoiceQueue({ ctx });
  return (
    <>
      <PageHeader title={t("staff.invoices.title")} description={t("staff.invoices.subtitle")} />
      {queue.length === 0 ? (
        <Card>
          <EmptyState>{t("staff.invoices.empty")}</EmptyState>
        </Card>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {queue.map(({ invoice, accountName }) => {
            const title = invoice.title as InvoiceTitleSnapshot;
            return (
              <li key={invoice.id} data-testid="invoice-request">
                <Card
                  title={
                    <Link href={`/staff/accounts/${invoice.accountId}`} className="text-brand-700 underline">
                      {accountName}
                    </Link>
                  }
                  actions={<Badge tone="amber">{t(`invoices.status.${invoice.status}`)}</Badge>}
                >
                  <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-muted">{t("staff.invoices.amount")}</dt>
                    <dd className="tabular font-semibold">{formatYuan(invoice.amount)}</dd>
                    <dt className="text-muted">{t("staff.invoices.type")}</dt>
                    <dd>{t(`invoices.type.${invoice.type}`)}</dd>
                    <dt className="text-muted">{t("staff.invoices.for")}</dt>
                    <dd>{invoice.basis === "month" ? t("invoices.list.forMonth", { month: invoice.month ?? "" }) : t("invoices.list.forOrders")}</dd>
                    <dt className="text-muted">{t("invoices.title.companyName")}</dt>
                    <dd className="break-words">{title.companyName}</dd>
                    <dt className="text-muted">{t("invoices.title.taxId")}</dt>
                    <dd className="font-mono">{title.taxId}</dd>
                    {invoice.type === "special" ? (
                      <>
                        <dt className="text-muted">{t("invoices.title.address")}</dt>
                        <dd className="break-words">
                          {title.address} {title.phone}
                        </dd>
                        <dt className="text-muted">{t("invoices.title.bankName")}</dt>
                        <dd className="break-words">
                          {title.bankName} {title.bankAccount}
                        </dd>
                      </>
                    ) : null}
                    <dt className="text-muted">{t("staff.invoices.email")}</dt>
                    <dd className="break-all">{invoice.email}</dd>
                    <dt className="text-muted">{t("staff.invoices.requested")}</dt>
                    <dd>{formatDateTime(locale, invoice.requestedAt)}</dd>
                    {invoice.status === "reversal-requested" ? (
                      <>
                        <dt className="text-muted">{t("invoices.list.number")}</dt>
                        <dd className="font-mono">{invoice.invoiceNumber}</dd>
                        <dt className="text-muted">{t("staff.invoices.reversalReason")}</dt>
                        <dd className="break-words">{invoice.reversalReason}</dd>
                      </>
                    ) : null}
                  </dl>
                  {invoice.status === "requested" ? (
                    <div className="space-y-4">
                      <IssueInvoiceForm action={issueInvoiceAction} invoiceId={invoice.id} />
                      <ToolForm
                        idPrefix={`reject-${invoice.id}`}
                        action={rejectInvoiceAction}
                        hidden={{ invoiceId: invoice.id }}
                        fields={[{ name: "reason", label: "staff.invoices.rejectReason" }]}
                        submit="staff.invoices.reject"
                        done="staff.invoices.rejected"
                        variant="secondary"
                      />
                    </div>
                  ) : (
                    <ToolForm
                      idPrefix={`reverse-${invoice.id}`}
                      action={confirmReversalAction}
                      hidden={{ invoiceId: invoice.id }}
                      fields={[{ name: "redInvoiceNumber", label: "staff.invoices.redNumber" }]}
                      submit="staff.invoices.confirmReversal"
                      done="staff.invoices.reversed"
                    />
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
