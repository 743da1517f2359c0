import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { shanghaiDayStart } from "@/lib/pricing";
import { orderNumber } from "@/lib/wallet/order-number";

/**
 * One list of everything an account ordered (issue 20 part 3, docs/payments.md): top-ups
 * (`top_up_orders`, paid by a provider or a bank transfer) and purchases (`purchases`: packs, QPS,
 * SDK and licences, paid from the balance), in one SQL query with its filters and paging.
 */
export const orderKinds = ["top-up", "pack", "qps", "sdk", "licence"] as const;
export const orderStatuses = ["pending", "paid", "closed", "refunded", "partly-refunded"] as const;
/** How it was paid: a provider or a transfer (top-ups), or the balance (purchases; its split in `paid`). */
export const orderMethods = ["alipay", "transfer", "sandbox", "balance"] as const;
export type OrderKind = (typeof orderKinds)[number];
export type OrderStatus = (typeof orderStatuses)[number];
export type OrderMethod = (typeof orderMethods)[number] | (string & {});

export interface OrderView {
  id: string;
  /** `TU-YYYYMMDD-xxxxxxxx` / `PO-…`: Beijing date and the id's first 8 hex digits. */
  number: string;
  kind: OrderKind;
  createdAt: Date;
  /** The catalog item id of a purchase (named by `itemName`); null for a top-up. */
  item: string | null;
  quantity: number;
  amount: string;
  method: OrderMethod;
  status: OrderStatus;
  /** A purchase's split over the balance's books; null for a top-up. */
  paid: { voucher: string; gift: string; income: string; cash: string } | null;
  /** Money returned by approved refunds. */
  refunded: string;
  paidAt: Date | null;
  closedAt: Date | null;
  expiresAt: Date | null;
  providerTradeNo: string | null;
  /** Our order as the provider knows it (Alipay `out_trade_no`); null for a purchase. */
  providerOrderId: string | null;
}

export const orderFilterSchema = z.object({
  kind: z.enum(orderKinds).optional(),
  status: z.enum(orderStatuses).optional(),
  method: z.enum(orderMethods).optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(1000).default(25),
});
export type OrderFilter = z.input<typeof orderFilterSchema>;

interface Row extends Record<string, unknown> {
  id: string;
  kind: OrderKind;
  created_at: Date | string;
  item: string | null;
  quantity: number;
  amount: string;
  method: string;
  status: OrderStatus;
  paid_voucher: string | null;
  paid_gift: string | null;
  paid_income: string | null;
  paid_cash: string | null;
  refunded: string;
  paid_at: Date | string | null;
  closed_at: Date | string | null;
  expires_at: Date | string | null;
  provider_trade_no: string | null;
  provider_order_id: string | null;
  total?: number;
}

/** The union of both order tables for one account, with a status each. */
function ordersOf(accountId: string): SQL {
  return sql`
    select o.id, 'top-up' as kind, o.created_at, null::text as item, 1 as quantity, o.amount::text as amount,
           o.provider as method,
           case when o.status = 'cancelled' then 'closed' else o.status end as status,
           null::text as paid_voucher, null::text as paid_gift, null::text as paid_income, null::text as paid_cash,
           '0' as refunded, o.paid_at, o.closed_at, o.expires_at, o.provider_trade_no, o.provider_order_id
      from top_up_orders o where o.account_id = ${accountId}
    union all
    select p.id,
           case when p.kind = 'pack' then 'pack' when p.kind = 'qps' then 'qps' when p.item = 'scan.sdk' then 'sdk' else 'licence' end,
           p.created_at, p.item, p.quantity, p.amount::text, 'balance',
           case when r.count = 0 then 'paid' when r.count >= greatest(k.packs, 1) then 'refunded' else 'partly-refunded' end,
           p.paid_voucher::text, p.paid_gift::text, p.paid_income::text, p.paid_cash::text,
           r.returned::text, p.created_at, null, null, null, null
      from purchases p
      cross join lateral (select count(*)::int as count, coalesce(sum(f.returned_gift + f.returned_income + f.returned_cash), 0) as returned
                            from refunds f where f.purchase_id = p.id and f.status = 'approved') r
      cross join lateral (select count(*)::int as packs from packs k where k.purchase_id = p.id) k
     where p.account_id = ${accountId}`;
}

function where(filter: z.output<typeof orderFilterSchema>): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.kind) parts.push(sql`kind = ${filter.kind}`);
  if (filter.status) parts.push(sql`status = ${filter.status}`);
  if (filter.method) parts.push(sql`method = ${filter.method}`);
  if (filter.month) {
    const [year, month] = filter.month.split("-").map(Number) as [number, number];
    const from = shanghaiDayStart(`${filter.month}-01`);
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    const to = shanghaiDayStart(next);
    parts.push(sql`created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz`);
  }
  return sql.join(parts, sql` and `);
}

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

function view(row: Row): OrderView {
  const createdAt = new Date(row.created_at);
  return {
    id: row.id,
    number: orderNumber(row.kind === "top-up" ? "top-up" : "purchase", row.id, createdAt),
    kind: row.kind,
    createdAt,
    item: row.item,
    quantity: Number(row.quantity),
    amount: row.amount,
    method: row.method,
    status: row.status,
    paid: row.paid_cash === null ? null : { voucher: row.paid_voucher ?? "0", gift: row.paid_gift ?? "0", income: row.paid_income ?? "0", cash: row.paid_cash },
    refunded: row.refunded,
    paidAt: date(row.paid_at),
    closedAt: date(row.closed_at),
    expiresAt: date(row.expires_at),
    providerTradeNo: row.provider_trade_no,
    providerOrderId: row.provider_order_id,
  };
}

async function rows(ctx: ServiceContext, query: SQL): Promise<Row[]> {
  const result = await ctx.db.execute<Row>(query);
  // postgres-js returns the rows, PGlite an object holding them.
  return (Array.isArray(result) ? result : (result as unknown as { rows: Row[] }).rows) as Row[];
}

/** One page of the caller's orders, newest first, with the number of orders the filter matches. */
export async function listOrders({ ctx, input }: { ctx: ServiceContext; input: OrderFilter }): Promise<{ orders: OrderView[]; total: number; page: number; pageSize: number }> {
  const filter = orderFilterSchema.parse(input);
  const accountId = accountOf(ctx.actor);
  const found = await rows(
    ctx,
    sql`select *, count(*) over ()::int as total from (${ordersOf(accountId)}) orders where ${where(filter)}
        order by created_at desc, id desc limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`,
  );
  return { orders: found.map(view), total: Number(found[0]?.total ?? 0), page: filter.page, pageSize: filter.pageSize };
}

/** Every order the filter matches (the CSV), newest first, at most 10,000. */
export async function allOrders({ ctx, input }: { ctx: ServiceContext; input: Omit<OrderFilter, "page" | "pageSize"> }): Promise<OrderView[]> {
  const filter = orderFilterSchema.parse({ ...input });
  return (await rows(ctx, sql`select * from (${ordersOf(accountOf(ctx.actor))}) orders where ${where(filter)} order by created_at desc, id desc limit 10000`)).map(view);
}

/** One of the caller's orders, or null (another account's id reads as none). */
export async function findOrder({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<OrderView | null> {
  const found = await rows(ctx, sql`select * from (${ordersOf(accountOf(ctx.actor))}) orders where id = ${input.id}::uuid`);
  return found[0] ? view(found[0]) : null;
}

