import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { notFound } from "next/navigation";
import { BillAdjustmentsTable } from "@/components/billing/bill-adjustments-table";
import { BillLinesTable } from "@/components/billing/bill-lines-table";
import { BillStatusBadge } from "@/components/billing/bill-status-badge";
import { formatDate, formatDateTime, formatMonth } from "@/lib/i18n/format-date";
import { PrintButton } from "@/components/billing/print-button";
import { StatementTable } from "@/components/billing/statement-table";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { getBill, type BillDetail } from "@/lib/billing/bills";
import { NotFoundError } from "@/lib/context";
import { getOwnAccount } from "@/lib/identity/account";
import { priceBookName } from "@/lib/i18n/price-book-name";
import { getTranslator } from "@/lib/i18n/server";
import { parseMonthParam } from "@/lib/params/calendar";
import { formatYuan, isMonth } from "@/lib/pricing";

type Params = { params: Promise<{ month: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ t, locale }, { month }] = await Promise.all([getTranslator(), params]);
  return { title: isMonth(month) ? t("bill.title", { month: formatMonth(locale, month) }) : t("bills.title") };
}

async function ownBill(ctx: Awaited<ReturnType<typeof customerContext>>, month: string): Promise<BillDetail> {
  // A month outside lib/params/calendar's range has no bill.
  if (!parseMonthParam("month", month, ctx.now, { required: true }).ok) notFound();
  try {
    return await getBill({ ctx, input: { month } });
  } catch (error) {
    // Another account's month, an open month or nonsense in the URL all look the same: not found.
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

function Row({ label, value, strong = false, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  // Only a negative balance is alarming; a deduction is expected to be negative.
  return (
    <div className={`flex justify-between gap-6 py-1.5 ${strong ? "border-t border-line pt-2.5 font-semibold" : ""}`}>
      <dt className={strong ? "text-ink" : "text-muted"}>{label}</dt>
      <dd className={`tabular ${strong && value.startsWith("-") ? "text-red-700" : ""}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export default async function BillPage({ params }: Params) {
  const { month } = await params;
  const customer = await requireCustomer(`/bills/${month}`);
  const ctx = await customerContext(customer);
  const [bill, account, { t, locale }] = await Promise.all([ownBill(ctx, month), getOwnAccount({ ctx }), getTranslator()]);
  const label = formatMonth(locale, bill.month);
  const deducted = bill.total === "0.00" ? formatYuan(bill.total) : `-${formatYuan(bill.total)}`;
  return (
    <article className="space-y-6 print:space-y-4">
      <Link href="/bills" className="no-print text-sm text-brand-600 hover:underline">
        {t("bill.back")}
      </Link>
      <PageHeader
        title={t("bill.title", { month: label })}
        actions={
          <div className="no-print flex gap-2">
            <a href={`/bills/${bill.month}/csv`} download className={buttonClass("secondary")} data-testid="bill-csv">
              {t("bill.download")}
            </a>
            <PrintButton />
          </div>
        }
      />
      <Card>
        {/* The account's id is one unbroken line where there is room (the first column is as wide as it). */}
        <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-[auto_repeat(3,minmax(0,1fr))]">
          <div>
            <dt className="text-muted">{t("bill.account")}</dt>
            <dd className="font-medium">{account.name}</dd>
            <dd className="font-mono text-xs text-muted max-lg:break-all lg:whitespace-nowrap">{account.id}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("bill.priceBook")}</dt>
            <dd>{priceBookName(t, locale, bill.priceBook)}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("bill.status")}</dt>
            <dd>
              <BillStatusBadge t={t} status={bill.status} />
            </dd>
          </div>
          <div>
            <dt className="text-muted">{t("bill.closedAt")}</dt>
            <dd>{formatDateTime(locale, bill.closedAt)}</dd>
            {bill.settledAt ? <dd className="text-xs text-muted">{t("bill.settledAtValue", { date: formatDateTime(locale, bill.settledAt) })}</dd> : null}
          </div>
        </dl>
      </Card>
      {bill.status === "arrears" ? <Alert tone="error">{t("bill.arrears.note")}</Alert> : null}
      {bill.status === "settled" && bill.settledAt ? <Alert tone="success">{t("bill.settled.note", { date: formatDate(locale, bill.settledAt) })}</Alert> : null}

      <Card title={t("bill.lines.title")}>
        <p className="mb-3 text-xs text-muted">{t("bill.lines.note")}</p>
        <BillLinesTable t={t} locale={locale} bill={bill} />
      </Card>

      {bill.adjustments.length > 0 ? (
        <Card title={t("bill.adjustments.title")}>
          <p className="mb-3 text-xs text-muted">{t("bill.adjustments.note")}</p>
          <BillAdjustmentsTable t={t} locale={locale} bill={bill} />
        </Card>
      ) : null}

      <Card title={t("bill.balance.title")}>
        <dl className="max-w-xl text-sm" data-testid="bill-balance">
          <Row label={t("bill.balanceBefore")} value={formatYuan(bill.balanceBefore)} testId="bill-balance-before" />
          {bill.releasedAtClose !== "0.00" ? <Row label={t("bill.released")} value={formatYuan(bill.releasedAtClose)} /> : null}
          <Row label={t("bill.deducted")} value={deducted} />
          {bill.frozen !== "0.00" ? <Row label={t("bill.frozen")} value={`-${formatYuan(bill.frozen)}`} /> : null}
          <Row label={t("bill.balanceAfter")} value={formatYuan(bill.balanceAfter)} strong testId="bill-balance-after" />
        </dl>
        {bill.frozen !== "0.00" || bill.releasedAtClose !== "0.00" ? <p className="mt-3 text-xs text-muted">{t("bill.frozen.note")}</p> : null}
      </Card>

      <Card title={t("bill.statement.title", { month: label })}>
        <p className="mb-3 text-xs text-muted">{t("bill.statement.note")}</p>
        <StatementTable t={t} locale={locale} entries={bill.statement} />
      </Card>
      <p className="hidden text-xs text-muted print:block">{t("bill.print.footer", { date: formatDateTime(locale, ctx.now) })}</p>
    </article>
  );
}
