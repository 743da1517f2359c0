import "server-only";
import { and, desc, eq, gt, inArray, isNotNull, isNull, like, lte, ne, not, or, sql, type SQL } from "drizzle-orm";
import { accounts, packs, refunds } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { packRefundability, productOfPack, type ProductId, type RefundRefusal } from "@/lib/pricing";
import { packStatus, type PackStatus } from "./status";

export interface PackView {
  id: string;
  api: string;
  product: ProductId;
  packSpec: string | null;
  size: number;
  remaining: number;
  source: "free" | "purchase" | "gift";
  oneTimeGrant: string | null;
  freeMonth: string | null;
  deliveredAt: Date;
  expiresAt: Date;
  status: PackStatus;
  purchaseId: string | null;
  /** SPEC §4 for a bought pack: refundable until when, or why not. */
  refund: { refundable: true; until: Date } | { refundable: false; reason: RefundRefusal | "refund-pending"; until: Date | null };
}

export interface PackFilters {
  product?: ProductId;
  status?: PackStatus;
  /** Leave out free packs that are no longer active (one per API a month: they pile up with the account's age). */
  hideSpentFree?: boolean;
}

/** packStatus(…) === "active", as SQL, so lists that want usable packs do not read the account's whole history. */
function activeAt(at: Date): SQL {
  // Column operators, not raw SQL: the date goes through the column's own mapping.
  return and(isNull(packs.refundedAt), eq(packs.refundHold, false), gt(packs.expiresAt, at), gt(packs.remaining, 0)) as SQL;
}

/** packStatus(…) === status, as SQL (the same order of precedence: refunded › on hold › expired › exhausted › active). */
function statusAt(status: PackStatus, at: Date): SQL {
  const live = and(isNull(packs.refundedAt), eq(packs.refundHold, false));
  const byStatus: Record<PackStatus, SQL | undefined> = {
    refunded: isNotNull(packs.refundedAt),
    "refund-pending": and(isNull(packs.refundedAt), eq(packs.refundHold, true)),
    expired: and(live, lte(packs.expiresAt, at)),
    exhausted: and(live, gt(packs.expiresAt, at), eq(packs.remaining, 0)),
    active: activeAt(at),
  };
  return byStatus[status] as SQL;
}

/** The free packs listPacks leaves out with `hideSpentFree` (the packs page says how many). */
export async function countSpentFreePacks({ ctx, product }: { ctx: ServiceContext; product?: ProductId }): Promise<number> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(packs)
    .where(and(eq(packs.accountId, accountOf(ctx.actor)), eq(packs.source, "free"), not(activeAt(ctx.now)), product ? like(packs.api, `${product}.%`) : undefined));
  return row?.count ?? 0;
}

function packWhere(accountId: string, filters: PackFilters, at: Date): SQL {
  return and(
    eq(packs.accountId, accountId),
    filters.status ? statusAt(filters.status, at) : undefined,
    filters.hideSpentFree ? or(ne(packs.source, "free"), activeAt(at)) : undefined,
    // Pack ids (APIs and shared free pools) start with their product.
    filters.product ? like(packs.api, `${filters.product}.%`) : undefined,
  ) as SQL;
}

/** The account's packs, newest first, with status and refundability at `ctx.now`. */
export async function listPacks({ ctx, filters = {} }: { ctx: ServiceContext; filters?: PackFilters }): Promise<PackView[]> {
  const accountId = accountOf(ctx.actor);
  const rows = await ctx.db.select().from(packs).where(packWhere(accountId, filters, ctx.now)).orderBy(desc(packs.deliveredAt), desc(packs.createdAt), desc(packs.id));
  return viewsOf(ctx, accountId, rows, filters);
}

export const PACKS_PAGE_SIZE = 25;

/**
 * One page of listPacks (newest first) with the total: a ten-year account's page holds as many rows
 * as a young one's. A page past the last is the last.
 */
export async function packPage({ ctx, filters = {}, page, pageSize = PACKS_PAGE_SIZE }: { ctx: ServiceContext; filters?: PackFilters; page: number; pageSize?: number }): Promise<{ packs: PackView[]; page: number; pages: number; total: number }> {
  const accountId = accountOf(ctx.actor);
  const where = packWhere(accountId, filters, ctx.now);
  const [counted] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(packs).where(where);
  const total = counted?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await ctx.db
    .select()
    .from(packs)
    .where(where)
    .orderBy(desc(packs.deliveredAt), desc(packs.createdAt), desc(packs.id))
    .limit(pageSize)
    .offset((current - 1) * pageSize);
  return { packs: await viewsOf(ctx, accountId, rows, filters), page: current, pages, total };
}

async function viewsOf(ctx: ServiceContext, accountId: string, rows: (typeof packs.$inferSelect)[], filters: PackFilters): Promise<PackView[]> {
  const [account] = await ctx.db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId));
  const pending = rows.length
    ? await ctx.db
        .select({ packId: refunds.packId })
        .from(refunds)
        .where(and(eq(refunds.accountId, accountId), eq(refunds.status, "pending-review"), inArray(refunds.packId, rows.map((r) => r.id))))
    : [];
  const pendingIds = new Set(pending.map((p) => p.packId));
  const views = rows.map((row): PackView => {
    const product = productOfPack(row.api);
    const status = packStatus(row, ctx.now);
    const facts = packRefundability({
      pack: {
        product,
        source: row.source,
        promotionNoRefund: row.promotionNoRefund,
        size: row.size,
        remaining: row.remaining,
        deliveredAt: row.deliveredAt,
        refunded: row.refundedAt !== null,
      },
      accountDisabled: account?.status === "disabled",
      at: ctx.now,
    });
    const refund: PackView["refund"] = pendingIds.has(row.id)
      ? { refundable: false, reason: "refund-pending", until: facts.refundableUntil }
      : facts.refundable
        ? { refundable: true, until: facts.refundableUntil }
        : { refundable: false, reason: facts.reason, until: facts.refundableUntil };
    return {
      id: row.id,
      api: row.api,
      product,
      packSpec: row.packSpec,
      size: row.size,
      remaining: row.remaining,
      source: row.source,
      oneTimeGrant: row.oneTimeGrant,
      freeMonth: row.freeMonth,
      deliveredAt: row.deliveredAt,
      expiresAt: row.expiresAt,
      status,
      purchaseId: row.purchaseId,
      refund,
    };
  });
  return views.filter((view) => (!filters.product || view.product === filters.product) && (!filters.status || view.status === filters.status));
}
