import type { Metadata } from "next";
import { OrderFilter, orderQuery } from "@/components/orders/order-filter";
import { OrderTable } from "@/components/orders/order-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { listOrders } from "@/lib/orders/list";
import { parseOrderQuery } from "@/lib/orders/query";
import { getOwnAccount } from "@/lib/identity/account";
import { monthOf } from "@/lib/pricing";
import { accountMonths } from "@/lib/orders/months";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("orders.title") };
}

const PAGE_SIZE = 25;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const customer = await requireCustomer("/orders");
  const ctx = await customerContext(customer);
  const { t, locale } = await getTranslator();
  const asked = parseOrderQuery(await searchParams, ctx.now, true);
  // A refused filter shows every order and says so, never a 500 or a silently different list.
  const query = asked.ok ? asked.value : { page: 1 };
  const [{ orders, total, page }, account] = await Promise.all([listOrders({ ctx, input: { ...query, pageSize: PAGE_SIZE } }), getOwnAccount({ ctx })]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const values = { kind: query.kind, status: query.status, method: query.method, month: query.month };
  return (
    <>
      <PageHeader title={t("orders.title")} description={t("orders.description")} />
      <Card>
        <OrderFilter t={t} locale={locale} values={values} invalid={!asked.ok} months={accountMonths(monthOf(account.createdAt), monthOf(ctx.now), query.month)} />
        <OrderTable t={t} locale={locale} orders={orders} />
        <Pager
          page={page}
          pages={pages}
          href={(target) => `/orders${orderQuery({ ...values, page: target })}`}
          label={t("orders.pagination")}
          status={t("orders.page", { page, pages, count: total })}
          previous={t("orders.previous")}
          next={t("orders.next")}
          testId="orders-page"
        />
      </Card>
    </>
  );
}
