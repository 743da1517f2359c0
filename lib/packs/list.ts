import "server-only";
import { and, desc, eq, gt, inArray, isNull, like, ne, not, or, sql, type SQL } from "drizzle-orm";
import { accounts, packs, refunds } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { APIS, packRefundability, productOfApi, isApiId, type ProductId, type RefundRefusal } from "@/lib/pricing";
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

/** The free packs listPacks leaves out with `hideSpentFree` (the packs page says how many). */
export async function countSpentFreePacks({ ctx, product }: { ctx: ServiceContext; product?: ProductId }): Promise<number> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(packs)
    .where(and(eq(packs.accountId, accountOf(ctx.actor)), eq(packs.source, "free"), not(activeAt(ctx.now)), product ? like(packs.api, `${product}.%`) : undefined));
  return row?.count ?? 0;
}

function productOfPackApi(api: string): ProductId {
  // A shared free pool's id starts with its product, like the APIs it covers.
  if (isApiId(api)) return productOfApi(api);
  const prefix = api.split(".")[0];
  return APIS.find((candidate) => candidate.product === prefix)?.product ?? "recognition";
}

/** The account's packs, newest first, with status and refundability at `ctx.now`. */
export async function listPacks({ ctx, filters = {} }: { ctx: ServiceContext; filters?: PackFilters }): Promise<PackView[]> {
  const accountId = accountOf(ctx.actor);
  const [account] = await ctx.db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId));
  const rows = await ctx.db
    .select()
    .from(packs)
    .where(
      and(
        eq(packs.accountId, accountId),
        filters.status === "active" ? activeAt(ctx.now) : undefined,
        filters.hideSpentFree ? or(ne(packs.source, "free"), activeAt(ctx.now)) : undefined,
        // Pack ids (APIs and shared free pools) start with their product: a prefilter, the exact test is below.
        filters.product ? like(packs.api, `${filters.product}.%`) : undefined,
      ),
    )
    .orderBy(desc(packs.deliveredAt), desc(packs.createdAt));
  const pending = rows.length
    ? await ctx.db
        .select({ packId: refunds.packId })
        .from(refunds)
        .where(and(eq(refunds.accountId, accountId), eq(refunds.status, "pending-review"), inArray(refunds.packId, rows.map((r) => r.id))))
    : [];
  const pendingIds = new Set(pending.map((p) => p.packId));
  const views = rows.map((row): PackView => {
    const product = productOfPackApi(row.api);
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
