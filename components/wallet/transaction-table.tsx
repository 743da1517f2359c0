import Link from "@/components/ui/app-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime, formatMonth } from "@/lib/i18n/format-date";
import { itemName } from "@/lib/i18n/names";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing";
import type { TransactionView } from "@/lib/wallet/balance";
import { mayOpen, type MemberRole } from "@/lib/identity/roles";

/** How a movement names its document: a top-up's or purchase's order number as Orders shows it, else the id's first 8 characters. */
function documentRef(tx: Pick<TransactionView, "documentId" | "orderNumber">): string {
  return tx.orderNumber ?? (tx.documentId.length > 12 ? tx.documentId.slice(0, 8) : tx.documentId);
}

/** A bill's ledger document is `<account id>:<YYYY-MM>` (lib/billing/statement.ts billDocumentId): the month is what a reader needs. */
function billMonthOf(documentId: string): string {
  return documentId.slice(documentId.lastIndexOf(":") + 1);
}

/** The bill's month by name ("Bill November 2026"); a document id of another shape is shown as it is. */
function billLabel(locale: Locale, documentId: string): string {
  const month = billMonthOf(documentId);
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? formatMonth(locale, month) : month;
}

export function documentLabel(t: Translate, locale: Locale, tx: Pick<TransactionView, "documentType" | "documentId" | "memo" | "orderNumber">): string {
  const id = documentRef(tx);
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
      // The pack given back, by name (a refund has no number a customer knows).
      return typeof tx.memo?.pack === "string" ? t("wallet.doc.refundOf", { item: itemName(t, tx.memo.pack) }) : t("wallet.doc.refund", { id });
    case "voucher":
      return t("wallet.doc.voucher", { id });
    case "bill":
      return t("wallet.doc.bill", { month: billLabel(locale, tx.documentId) });
    default:
      return t("wallet.doc.other", { type: tx.documentType, id });
  }
}

/**
 * A movement in words for its tooltip (issue 19 item 9: it was the document's UUID): what the
 * document is and, for a purchase or a refund, what was bought or given back, by name.
 */
export function documentDescription(t: Translate, locale: Locale, tx: Pick<TransactionView, "kind" | "documentType" | "documentId" | "memo" | "orderNumber">): string {
  const what = typeof tx.memo?.item === "string" ? tx.memo.item : typeof tx.memo?.pack === "string" ? tx.memo.pack : null;
  const parts = [t(`wallet.tx.kind.${tx.kind}`), documentLabel(t, locale, tx)];
  // A refund's label names its pack already.
  if (what && tx.documentType !== "refund") parts.push(typeof tx.memo?.quantity === "number" && tx.memo.quantity > 1 ? `${itemName(t, what)} × ${tx.memo.quantity}` : itemName(t, what));
  return parts.join(" · ");
}

/** The console page a movement's document opens, where it has one. */
export function documentHref(tx: Pick<TransactionView, "documentType" | "documentId" | "orderNumber">): string | null {
  switch (tx.documentType) {
    case "purchase":
      return `/checkout/done/${tx.documentId}`;
    case "bill":
      return `/bills/${billMonthOf(tx.documentId)}`;
    case "top-up":
      return tx.orderNumber ? `/orders/${tx.documentId}` : null;
    case "refund":
      return "/refunds";
    default:
      return null;
  }
}

function Change({ value }: { value?: string }) {
  if (!value) return <span className="text-muted">—</span>;
  const negative = value.startsWith("-");
  return <span className={`whitespace-nowrap ${negative ? "text-ink" : "text-emerald-700"}`}>{negative ? formatYuan(value) : `+${formatYuan(value)}`}</span>;
}

type Book = "cash" | "income" | "gift" | "voucher";
const bookHeadings = { cash: "wallet.cash", income: "wallet.income", gift: "wallet.gift", voucher: "wallet.tx.voucher" } as const;

/**
 * The balance columns this list needs: cash and income always, gift and voucher only when a movement
 * in it touched them (they are empty for most accounts and took the width the description needs).
 */
function booksShown(transactions: TransactionView[]): Book[] {
  return (["cash", "income", "gift", "voucher"] as const).filter((book) => book === "cash" || book === "income" || transactions.some((tx) => tx.changes[book]));
}

function actorName(t: Translate, actor: NonNullable<TransactionView["actor"]>, viewerId: string | undefined): string {
  return actor.userId === viewerId ? t("wallet.tx.you") : actor.name;
}

/** A document's page as a link only where it has one and the viewer's role may open it (docs/roles.md): a 404 is no link. */
function DocumentLink({ href, role, children }: { href: string | null; role: MemberRole; children: string }) {
  if (!href || !mayOpen(role, href)) return <>{children}</>;
  return (
    <Link href={href} className="text-brand-600 hover:underline">
      {children}
    </Link>
  );
}

/**
 * The account's movements. `viewerId` is the signed-in member (their own rows read "You"; none in a
 * support view); `role` decides which document links are offered (issue 21 item 5, docs/roles.md).
 */
export function TransactionTable({ t, locale, transactions, viewerId, role = "owner" }: { t: Translate; locale: Locale; transactions: TransactionView[]; viewerId?: string; role?: MemberRole }) {
  if (transactions.length === 0) return <EmptyState>{t("wallet.transactions.none")}</EmptyState>;
  const books = booksShown(transactions);
  return (
    <Table label={t("wallet.transactions")}>
      <thead>
        <tr>
          <Th className="whitespace-nowrap">{t("wallet.tx.time")}</Th>
          <Th className="whitespace-nowrap">{t("wallet.tx.type")}</Th>
          <Th className="whitespace-nowrap">{t("wallet.tx.document")}</Th>
          <Th className="whitespace-nowrap">{t("wallet.tx.by")}</Th>
          {books.map((book) => (
            <Th key={book} className="text-right whitespace-nowrap">
              {t(bookHeadings[book])}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {transactions.map((tx) => (
          <tr key={tx.id}>
            <Td className="whitespace-nowrap text-muted">{formatDateTime(locale, tx.at)}</Td>
            <Td>
              <Badge tone={tx.kind === "refund" || tx.kind === "top-up" || tx.kind === "credit" ? "green" : "neutral"}>{t(`wallet.tx.kind.${tx.kind}`)}</Badge>
            </Td>
            {/* Issue 19 item 9: a cut-off description shows itself in full on hover, in words (never the document's id). */}
            <Td className="max-w-xs min-w-40 truncate" title={documentDescription(t, locale, tx)} data-testid="transaction-document">
              <DocumentLink href={documentHref(tx)} role={role}>
                {documentLabel(t, locale, tx)}
              </DocumentLink>
            </Td>
            <Td className="min-w-24" data-testid="transaction-actor" empty={!tx.actor}>
              {tx.actor ? actorName(t, tx.actor, viewerId) : <span className="text-muted">—</span>}
            </Td>
            {books.map((book) => (
              <Td key={book} className="text-right whitespace-nowrap" empty={!tx.changes[book]}>
                <Change value={tx.changes[book]} />
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
