import type { Metadata } from "next";
import { BillsPager } from "@/components/billing/bills-pager";
import { BillsTable, type EstimateRow } from "@/components/billing/bills-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { billPage } from "@/lib/billing/bills";
import { getOwnAccount } from "@/lib/identity/account";
import { getTranslator } from "@/lib/i18n/server";
import { monthSummary } from "@/lib/metering/summary";
import { FIRST_PRICED_MONTH, monthEnd, monthOf, previousMonth } from "@/lib/pricing";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("bills.title") };
}

export default async function BillsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const customer = await requireCustomer("/bills");
  const ctx = await customerContext(customer);
  const current = monthOf(ctx.now);
  const previous = previousMonth(current);
  const asked = (await searchParams).page;
  // A page at a time (24 months): the list costs the same for a ten-year account as for a new one.
  const [{ bills, page, pages, total }, account, { t, locale }] = await Promise.all([
    billPage({ ctx, input: { page: typeof asked === "string" ? Number.parseInt(asked, 10) : 1 } }),
    getOwnAccount({ ctx }),
    getTranslator(),
  ]);
  // The months not yet billed lead the first page only.
  const estimates: EstimateRow[] = [];
  if (page === 1) {
    const currentSummary = await monthSummary({ ctx, input: { month: current } });
    estimates.push({ month: current, kind: "current", total: currentSummary.estimatedTotal });
    // Between the 1st and the close (by the 3rd, SPEC §7.1) last month has ended but has no bill yet: show it as pending, not missing.
    if (previous >= FIRST_PRICED_MONTH && account.createdAt < monthEnd(previous) && !bills.some((b) => b.month === previous)) {
      const pending = await monthSummary({ ctx, input: { month: previous } });
      estimates.push({ month: previous, kind: "pending", total: pending.estimatedTotal });
    }
  }
  return (
    <>
      <PageHeader title={t("bills.title")} description={t("bills.subtitle")} />
      <Card title={t("bills.count", { count: total })}>
        <BillsTable t={t} locale={locale} estimates={estimates} bills={bills} />
        {total === 0 ? <EmptyState>{t("bills.none")}</EmptyState> : <p className="mt-3 text-xs text-muted">{t("bills.statusLegend")}</p>}
        <BillsPager t={t} page={page} pages={pages} />
      </Card>
    </>
  );
}
