import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import type { InvoiceStatus } from "@/db/schema";
import { formatDateTime } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing";

export interface InvoiceListRow {
  id: string;
  type: "normal" | "special";
  amount: string;
  basis: "month" | "orders";
  month: string | null;
  companyName: string;
  email: string;
  status: InvoiceStatus;
  invoiceNumber: string | null;
  rejectReason: string | null;
  redInvoiceNumber: string | null;
  requestedAt: Date;
}

const tone = { requested: "amber", issued: "green", rejected: "red", "reversal-requested": "amber", reversed: "neutral" } as const;

/** The customer's invoices: what was asked, its state, the PDF once issued, and the 红冲 request. */
export function InvoiceTable({ t, locale, rows, reversal }: { t: Translate; locale: Locale; rows: InvoiceListRow[]; reversal: (invoiceId: string) => ReactNode }) {
  if (rows.length === 0) return <EmptyState>{t("invoices.list.none")}</EmptyState>;
  return (
    <Table label={t("invoices.list.title")}>
      <thead>
        <tr>
          <Th>{t("invoices.list.requested")}</Th>
          <Th>{t("invoices.list.title")}</Th>
          <Th className="text-right">{t("invoices.list.amount")}</Th>
          <Th>{t("invoices.list.status")}</Th>
          <Th>{t("invoices.list.number")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="invoice-row">
            <Td className="whitespace-nowrap">{formatDateTime(locale, row.requestedAt)}</Td>
            <Td>
              <div>{row.companyName}</div>
              <div className="text-xs text-muted">
                {t(`invoices.type.${row.type}`)} · {row.basis === "month" ? t("invoices.list.forMonth", { month: row.month ?? "" }) : t("invoices.list.forOrders")} · {row.email}
              </div>
            </Td>
            <Td className="text-right tabular">{formatYuan(row.amount)}</Td>
            <Td>
              <Badge tone={tone[row.status]}>{t(`invoices.status.${row.status}`)}</Badge>
              {row.rejectReason ? <p className="mt-1 text-xs text-muted">{row.rejectReason}</p> : null}
              {row.redInvoiceNumber ? <p className="mt-1 text-xs text-muted">{t("invoices.list.red", { number: row.redInvoiceNumber })}</p> : null}
            </Td>
            <Td className="space-y-1">
              {row.invoiceNumber ? (
                <>
                  <div className="font-mono text-xs">{row.invoiceNumber}</div>
                  <a href={`/invoices/${row.id}/pdf`} className="text-brand-700 underline" download>
                    {t("invoices.list.download")}
                  </a>
                </>
              ) : (
                "—"
              )}
              {row.status === "issued" ? reversal(row.id) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
