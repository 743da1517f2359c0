import Link from "@/components/ui/app-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { groupStatement } from "@/lib/billing/statement";
import type { TransactionView } from "@/lib/wallet/balance";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime, formatMonth } from "@/lib/i18n/format-date";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing";
import { documentHref, documentLabel } from "@/components/wallet/transaction-table";

function Change({ value }: { value?: string }) {
  if (!value || value === "0.00") return <span className="text-muted">—</span>;
  return value.startsWith("-") ? <span>{formatYuan(value)}</span> : <span className="text-emerald-700">+{formatYuan(value)}</span>;
}

/** What a ledger entry was, in words, linking to its document where the console has a page for it. */
function Document({ t, locale, entry }: { t: Translate; locale: Locale; entry: TransactionView }) {
  const month = typeof entry.memo?.month === "string" ? entry.memo.month : null;
  if (entry.kind === "bill" && month) return <>{t("bill.doc.bill", { month: formatMonth(locale, month) })}</>;
  if (entry.kind === "release" && month) return <>{t("bill.doc.release", { month: formatMonth(locale, month) })}</>;
  if (entry.kind === "freeze") return <>{t("bill.doc.freeze")}</>;
  const label = documentLabel(t, locale, entry);
  const href = documentHref(entry);
  return href ? (
    <Link href={href} className="text-brand-600 hover:underline">
      {label}
    </Link>
  ) : (
    <>{label}</>
  );
}

/** The month's statement (SPEC §7.3): a summary by type, then every entry with what it did to each book. */
export function StatementTable({ t, locale, entries }: { t: Translate; locale: Locale; entries: TransactionView[] }) {
  if (entries.length === 0) return <EmptyState>{t("bill.statement.none")}</EmptyState>;
  const groups = groupStatement(entries);
  return (
    <div className="space-y-5">
      <div>
        <h3 className="mb-2 text-xs font-medium tracking-wide text-muted uppercase">{t("bill.statement.summary")}</h3>
        <ul className="flex flex-wrap gap-2" data-testid="statement-summary">
          {groups.map((g) => (
            <li key={g.kind} className="rounded-md border border-line px-3 py-1.5 text-sm" data-kind={g.kind}>
              <span className="text-muted">
                {t(`wallet.tx.kind.${g.kind}`)} × {g.count}
              </span>{" "}
              <span className="font-medium tabular">
                <Change value={g.balanceChange !== "0.00" ? g.balanceChange : g.frozenChange !== "0.00" ? g.frozenChange : g.voucherChange} />
              </span>
            </li>
          ))}
        </ul>
      </div>
      <Table label={t("bill.csv.statement")}>
        <thead>
          <tr>
            <Th>{t("bill.col.time")}</Th>
            <Th>{t("bill.col.kind")}</Th>
            <Th>{t("bill.col.document")}</Th>
            <Th className="text-right">{t("bill.col.cash")}</Th>
            <Th className="text-right">{t("bill.col.income")}</Th>
            <Th className="text-right">{t("bill.col.gift")}</Th>
            <Th className="text-right">{t("bill.col.frozen")}</Th>
            <Th className="text-right">{t("bill.col.voucher")}</Th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="statement-row" data-kind={entry.kind}>
              <Td className="whitespace-nowrap text-muted">{formatDateTime(locale, entry.at)}</Td>
              <Td>
                <Badge tone={entry.kind === "refund" || entry.kind === "top-up" || entry.kind === "credit" || entry.kind === "release" ? "green" : "neutral"}>{t(`wallet.tx.kind.${entry.kind}`)}</Badge>
              </Td>
              <Td className="max-w-xs truncate">
                <Document t={t} locale={locale} entry={entry} />
              </Td>
              <Td className="text-right">
                <Change value={entry.changes.cash} />
              </Td>
              <Td className="text-right">
                <Change value={entry.changes.income} />
              </Td>
              <Td className="text-right">
                <Change value={entry.changes.gift} />
              </Td>
              <Td className="text-right">
                <Change value={entry.changes.frozen} />
              </Td>
              <Td className="text-right">
                <Change value={entry.changes.voucher} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
