import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { LiveOrderStatus } from "@/components/orders/live-order-status";
import { ActionForm } from "@/components/quota/action-form";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { SummaryRow } from "@/components/ui/summary-list";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { liveKeys } from "@/lib/live/keys";
import { orderStatusJson, serverQueryClient } from "@/lib/live/server";
import { methodLabel, orderItemLabel, splitLabel, statusTone } from "@/lib/orders/labels";
import { findOrder } from "@/lib/orders/list";
import { formatCount, formatYuan } from "@/lib/pricing";
import { cancelPaymentAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("orders.title") };
}

/**
 * One order's receipt (issue 20 part 3), and the page Alipay sends the customer back to: it never
 * credits; a pending top-up's live status asks the provider (TanStack Query, `/api/console/orders/<id>`).
 */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const customer = await requireCustomer(`/orders/${id}`);
  const ctx = await customerContext(customer);
  // Parsed strictly: a malformed id or another account's order is the same 404.
  if (!z.uuid().safeParse(id).success) notFound();
  const order = await findOrder({ ctx, input: { id } });
  if (!order) notFound();
  const { t, locale } = await getTranslator();
  const queries = serverQueryClient();
  if (order.kind === "top-up") await queries.prefetchQuery({ queryKey: liveKeys.order(order.id), queryFn: () => orderStatusJson(ctx, order.id) });
  const canCancel = order.kind === "top-up" && order.status === "pending" && order.method === "alipay";
  return (
    <>
      <PageHeader title={t("orders.detail.title", { number: order.number })} description={t("orders.detail.description")} />
      <div className="max-w-xl space-y-4">
        {order.kind === "top-up" ? (
          <HydrationBoundary state={dehydrate(queries)}>
            <LiveOrderStatus id={order.id} />
          </HydrationBoundary>
        ) : null}
        <Card title={t("orders.detail.receipt")}>
          <dl className="space-y-2 text-sm" data-testid="order-receipt">
            <SummaryRow label={t("orders.col.number")}>
              <span className="font-mono text-xs">{order.number}</span>
            </SummaryRow>
            <SummaryRow label={t("orders.detail.created")}>{formatDateTime(locale, order.createdAt)}</SummaryRow>
            <SummaryRow label={t("orders.col.items")}>
              {orderItemLabel(t, order)} <span className="text-muted">({t(`orders.kind.${order.kind}`)})</span>
            </SummaryRow>
            {order.quantity > 1 ? <SummaryRow label={t("orders.detail.quantity")}>{formatCount(order.quantity)}</SummaryRow> : null}
            <SummaryRow label={t("orders.col.method")}>
              {methodLabel(t, order.method)}
              {order.paid ? <span className="block text-xs text-muted">{splitLabel(t, order.paid)}</span> : null}
            </SummaryRow>
            <SummaryRow label={t("orders.col.status")} testId="order-status">
              <Badge tone={statusTone(order.status)}>{t(`orders.status.${order.status}`)}</Badge>
            </SummaryRow>
            {order.paidAt && order.kind === "top-up" ? <SummaryRow label={t("orders.detail.paidAt")}>{formatDateTime(locale, order.paidAt)}</SummaryRow> : null}
            {order.closedAt ? <SummaryRow label={t("orders.detail.closedAt")}>{formatDateTime(locale, order.closedAt)}</SummaryRow> : null}
            {order.status === "pending" && order.expiresAt ? <SummaryRow label={t("orders.detail.expiresAt")}>{formatDateTime(locale, order.expiresAt)}</SummaryRow> : null}
            {order.providerTradeNo ? (
              <SummaryRow label={t("orders.detail.tradeNo")}>
                <span className="font-mono text-xs">{order.providerTradeNo}</span>
              </SummaryRow>
            ) : null}
            {Number(order.refunded) !== 0 ? <SummaryRow label={t("orders.detail.refunded")}>{formatYuan(order.refunded)}</SummaryRow> : null}
            <SummaryRow label={t("orders.detail.total")} total testId="order-total">
              {formatYuan(order.amount)}
            </SummaryRow>
          </dl>
        </Card>
        {canCancel ? (
          <ActionForm action={cancelPaymentAction} submit="orders.cancel" doneMessage="orders.cancel.done" variant="secondary">
            <input type="hidden" name="orderId" value={order.id} />
          </ActionForm>
        ) : null}
        <div className="flex gap-4 text-sm">
          <Link href="/orders" className="text-brand-600 hover:underline">
            {t("orders.detail.back")}
          </Link>
          {order.kind !== "top-up" ? (
            <Link href={`/checkout/done/${order.id}`} className="text-brand-600 hover:underline">
              {t("orders.detail.purchase")}
            </Link>
          ) : null}
        </div>
      </div>
    </>
  );
}
