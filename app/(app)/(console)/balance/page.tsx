import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { RoleNote } from "@/components/members/role-note";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LiveBalance } from "@/components/live/live-balance";
import { TopUpForm } from "@/components/wallet/top-up-form";
import { TransactionFilter, TransactionPager } from "@/components/spend/transaction-filter";
import { TransactionTable } from "@/components/wallet/transaction-table";
import { VoucherTable } from "@/components/wallet/voucher-table";
import { can, customerContext, requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { parseTransactionQuery } from "@/lib/exports/ranges";
import { transactionPage } from "@/lib/exports/transactions";
import { calendarBounds } from "@/lib/params/calendar";
import { calendarProblemMessage } from "@/lib/params/messages";
import { paramValues } from "@/lib/params/query";
import { liveKeys } from "@/lib/live/keys";
import { balanceJson, serverQueryClient } from "@/lib/live/server";
import { listVouchers } from "@/lib/wallet/balance";
import { topUpProvider } from "@/lib/wallet/providers";
import { amountSchema } from "@/lib/wallet/schemas";
import { safeReturnPath } from "@/lib/auth/redirect-target";
import { z } from "zod";
import { BankTransferCard } from "@/components/transfers/bank-transfer-card";
import { remittanceReferenceOf } from "@/lib/transfers/accounts";
import { bankDetails } from "@/lib/transfers/bank-details";
import { topUpAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("wallet.title") };
}

export default async function BalancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const customer = await requireCustomer("/balance");
  const ctx = await customerContext(customer);
  const { t, locale } = await getTranslator();
  const params = await searchParams;
  // Issue 11 item 7: a date filter and pages. Issue 17 item 2: a refused date (malformed, outside
  // lib/params/calendar's range, repeated, From after To) is said in the form, beside what was typed.
  // Issue 19 item 9: no list is shown then, so the unfiltered list never passes for the filtered one.
  const asked = parseTransactionQuery(params, ctx.now, ["page"]);
  const bounds = calendarBounds(ctx.now);
  const labels = { from: t("transactions.filter.from"), to: t("transactions.filter.to") };
  const filterError = asked.ok ? undefined : { field: asked.field, message: asked.calendar ? calendarProblemMessage(t, asked.calendar, labels) : t("errors.invalid-input") };
  const typed = asked.ok ? undefined : { from: paramValues(params, "from")[0] ?? "", to: paramValues(params, "to")[0] ?? "" };
  // The figures and the top-up the provider sent the customer back for are a live query (issue 11):
  // a pending top-up turns into "received" and the new balance while the page is open. The order is
  // shown only if it is this customer's (balanceJson checks): the id in the URL is not trusted.
  const orderId = z.uuid().safeParse(params.topup);
  const topUpId = orderId.success ? orderId.data : null;
  // A checkout short of balance links here with the shortfall and its own address (issue 19 item 8).
  const prefill = amountSchema.safeParse(paramValues(params, "amount")[0]);
  const returnPath = safeReturnPath(paramValues(params, "return")[0], "/balance");
  const queries = serverQueryClient();
  const [vouchers, history, reference] = await Promise.all([
    listVouchers({ ctx }),
    asked.ok ? transactionPage({ ctx, input: { ...asked.value, pageSize: 50 } }) : null,
    // Given on first view and stable from then on (lib/transfers/accounts.ts).
    remittanceReferenceOf(ctx.db, customer.accountId, ctx.now),
    queries.prefetchQuery({ queryKey: liveKeys.balance(topUpId), queryFn: () => balanceJson(ctx, topUpId) }),
  ]);
  return (
    <>
      <PageHeader title={t("wallet.title")} description={t("wallet.description")} />
      <div className="space-y-6">
        {params.cancelled ? <Alert tone="info">{t("wallet.topUp.cancelled")}</Alert> : null}
        <HydrationBoundary state={dehydrate(queries)}>
          <LiveBalance topUpId={topUpId} />
        </HydrationBoundary>
        <div className="grid gap-6 lg:grid-cols-3">
          {topUpProvider() ? (
            <div id="top-up" className="scroll-mt-20">
              <Card title={t("wallet.topUp")}>
                {can(customer, "balance#topUpAction") ? (
                  <TopUpForm topUp={topUpAction} amount={prefill.success ? prefill.data : undefined} returnPath={returnPath === "/balance" ? undefined : returnPath} />
                ) : (
                  <RoleNote t={t} role={customer.memberRole} />
                )}
              </Card>
            </div>
          ) : (
            <Card title={t("payments.notConfigured.title")}>
              <p className="text-sm text-muted" data-testid="top-up-not-configured">
                {t("payments.notConfigured.body", { accountId: customer.accountId })}
              </p>
            </Card>
          )}
          <BankTransferCard t={t} reference={reference} bank={bankDetails()} />
          <Card title={t("wallet.vouchers")} className="lg:col-span-3">
            <VoucherTable t={t} locale={locale} vouchers={vouchers} />
          </Card>
        </div>
        <div id="transactions">
          <Card title={t("wallet.transactions")}>
            <TransactionFilter t={t} from={history?.from ?? null} to={history?.to ?? null} typed={typed} error={filterError} min={bounds.firstDay} max={bounds.lastDay} />
            {history ? (
              <>
                <TransactionTable t={t} locale={locale} transactions={history.transactions} viewerId={customer.supportView ? undefined : customer.userId} role={customer.memberRole} />
                <TransactionPager t={t} from={history.from} to={history.to} page={history.page} pages={history.pages} total={history.total} />
              </>
            ) : (
              <p className="py-6 text-center text-sm text-muted" data-testid="transactions-not-filtered">
                {t("transactions.filter.notApplied")}
              </p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
