import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime } from "@/lib/i18n/format-date";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing";
import type { TransactionView } from "@/lib/wallet/balance";

function shortId(id: string): string {
  return id.length > 12 ? id.slice(0, 8) : id;
}

/** A bill's ledger document is `<account id>:<YYYY-MM>` (lib/billing/statement.ts billDocumentId): the month is what a reader needs. */
function billMonthOf(documentId: string): string {
  return documentId.slice(documentId.lastIndexOf(":") + 1);
}

export function documentLabel(t: Translate, tx: Pick<TransactionView, "documentType" | "documentId" | "memo">): string {
  const id = shortId(tx.documentId);
  switch (tx.documentType) {
    case "top-up":
      return t("wallet.doc.top-up", { id });
    case "credit":
      return t("wallet.doc.credit", { reason: String(tx.memo?.reason ?? "") });
    case "bank-transfer":
      return t("wallet.doc.bank-transfer", { id: String(tx.memo?.bankTransactionId ?? id) });
    case "purchase":
      return t("wallet.doc.purchase", { id });
    case "refund":
      return t("wallet.doc.refund", { id });
    case "voucher":
      return t("wallet.doc.voucher", { id });
    case "bill":
      return t("wallet.doc.bill", { id: billMonthOf(tx.documentId) });
    default:
      return t("wallet.doc.other", { type: tx.documentType, id });
  }
}

function Change({ value }: { value?: string }) {
  if (!value) return <span className="text-muted">—</span>;
  const negative = value.startsWith("-");
  return <span className={negative ? "text-ink" : "text-emerald-700"}>{negative ? formatYuan(value) : `+${formatYuan(value)}`}</span>;
}

export function TransactionTable({ t, locale, transactions }: { t: Translate; locale: Locale; transactions: TransactionView[] }) {
  if (transactions.length === 0) return <EmptyState>{t("wallet.transactions.none")}</EmptyState>;
  return (
    <Table label={t("wallet.transactions")}>
      <thead>
        <tr>
          <Th>{t("wallet.tx.time")}</Th>
          <Th>{t("wallet.tx.type")}</Th>
          <Th>{t("wallet.tx.document")}</Th>
          <Th className="text-right">{t("wallet.cash")}</Th>
          <Th className="text-right">{t("wallet.income")}</Th>
          <Th className="text-right">{t("wallet.gift")}</Th>
          <Th className="text-right">{t("wallet.tx.voucher")}</Th>
        </tr>
      </thead>
      <tbody>
        {transactions.map((tx) => (
          <tr key={tx.id}>
            <Td className="whitespace-nowrap text-muted">{formatDateTime(locale, tx.at)}</Td>
            <Td>
              <Badge tone={tx.kind === "refund" || tx.kind === "top-up" || tx.kind === "credit" ? "green" : "neutral"}>{t(`wallet.tx.kind.${tx.kind}`)}</Badge>
            </Td>
            <Td className="max-w-xs truncate" title={tx.documentId}>
              {tx.documentType === "purchase" ? (
                <Link href={`/checkout/done/${tx.documentId}`} className="text-brand-600 hover:underline">
                  {documentLabel(t, tx)}
                </Link>
              ) : tx.documentType === "bill" ? (
                <Link href={`/bills/${billMonthOf(tx.documentId)}`} className="text-brand-600 hover:underline">
                  {documentLabel(t, tx)}
                </Link>
              ) : tx.documentType === "refund" ? (
                <Link href="/refunds" className="text-brand-600 hover:underline">
                  {documentLabel(t, tx)}
                </Link>
              ) : (
                documentLabel(t, tx)
              )}
            </Td>
            <Td className="text-right">
              <Change value={tx.changes.cash} />
            </Td>
            <Td className="text-right">
              <Change value={tx.changes.income} />
            </Td>
            <Td className="text-right">
              <Change value={tx.changes.gift} />
            </Td>
            <Td className="text-right">
              <Change value={tx.changes.voucher} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
