import "server-only";
import { and, desc, eq, gte, isNotNull, lte } from "drizzle-orm";
import { packs } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { activeProducts } from "@/lib/packs/activation";
import { packStatus, type PackStatus } from "@/lib/packs/status";
import { isApiId, monthOf, previousMonth, priceBookForMonth, productOfApi, PRODUCT_IDS, type ApiId, type ProductId } from "@/lib/pricing";

export interface FreePackUsage {
  packId: string;
  /** The pack's pool: an API id, or a shared pool's id (book 2022-09's vehicle pool). */
  pool: string;
  /** The APIs the pack covers (two for a shared pool). */
  apis: ApiId[];
  product: ProductId;
  size: number;
  used: number;
  remaining: number;
  expiresAt: Date;
}

export interface ProductFreeQuota {
  product: ProductId;
  activatedAt: Date;
  /** This month's free packs; empty when none was issued (SPEC §2.2: suspended or disabled accounts get none). */
  packs: FreePackUsage[];
}

export interface OneTimeGrantUsage {
  api: ApiId;
  size: number;
  used: number;
  remaining: number;
  deliveredAt: Date;
  expiresAt: Date;
  status: PackStatus;
}

export interface FreeQuota {
  month: string;
  products: ProductFreeQuota[];
  /** Earlier months, newest first, with what each month's free packs gave and what was used. */
  past: { month: string; packs: FreePackUsage[] }[];
  /** SPEC §2.2: scan.barcode-lookup's 50 calls, once per account, valid 5 years. */
  grant: OneTimeGrantUsage | null;
}

/** How many earlier months the page lists: a year is what a customer compares against. */
export const PAST_MONTHS_SHOWN = 12;

function poolApis(month: string, pool: string): ApiId[] {
  if (isApiId(pool)) return [pool];
  return [...(priceBookForMonth(month).freePools.find((candidate) => candidate.id === pool)?.apis ?? [])];
}

function usageOf(row: typeof packs.$inferSelect, month: string): FreePackUsage | null {
  const apis = poolApis(month, row.api);
  const first = apis[0];
  if (!first) return null;
  return { packId: row.id, pool: row.api, apis, product: productOfApi(first), size: row.size, used: row.size - row.remaining, remaining: row.remaining, expiresAt: row.expiresAt };
}

const byCatalog = (a: FreePackUsage, b: FreePackUsage) => PRODUCT_IDS.indexOf(a.product) - PRODUCT_IDS.indexOf(b.product) || a.pool.localeCompare(b.pool);

/**
 * The free quota page (issue 5): this month's free pack of each activated product's APIs, used and
 * left; the same for the past months; and the one-time barcode grant, which is not monthly.
 */
export async function freeQuota({ ctx }: { ctx: ServiceContext }): Promise<FreeQuota> {
  const accountId = accountOf(ctx.actor);
  const month = monthOf(ctx.now);
  let oldest = month;
  for (let i = 0; i < PAST_MONTHS_SHOWN; i++) oldest = previousMonth(oldest);
  const [active, monthly, grants] = await Promise.all([
    activeProducts({ ctx, accountId }),
    ctx.db
      .select()
      .from(packs)
      .where(and(eq(packs.accountId, accountId), eq(packs.source, "free"), isNotNull(packs.freeMonth), gte(packs.freeMonth, oldest), lte(packs.freeMonth, month)))
      .orderBy(desc(packs.freeMonth)),
    ctx.db
      .select()
      .from(packs)
      .where(and(eq(packs.accountId, accountId), eq(packs.source, "free"), eq(packs.oneTimeGrant, "scan.barcode-lookup"))),
  ]);
  const byMonth = new Map<string, FreePackUsage[]>();
  for (const row of monthly) {
    if (!row.freeMonth) continue;
    const usage = usageOf(row, row.freeMonth);
    if (!usage) continue;
    byMonth.set(row.freeMonth, [...(byMonth.get(row.freeMonth) ?? []), usage]);
  }
  const current = (byMonth.get(month) ?? []).sort(byCatalog);
  const products = PRODUCT_IDS.flatMap((product): ProductFreeQuota[] => {
    const activatedAt = active.get(product);
    return activatedAt ? [{ product, activatedAt, packs: current.filter((pack) => pack.product === product) }] : [];
  });
  const past = [...byMonth.entries()]
    .filter(([m]) => m < month)
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([m, list]) => ({ month: m, packs: list.sort(byCatalog) }));
  const grantRow = grants[0];
  const grant: OneTimeGrantUsage | null = grantRow
    ? {
        api: "scan.barcode-lookup",
        size: grantRow.size,
        used: grantRow.size - grantRow.remaining,
        remaining: grantRow.remaining,
        deliveredAt: grantRow.deliveredAt,
        expiresAt: grantRow.expiresAt,
        status: packStatus(grantRow, ctx.now),
      }
    : null;
  return { month, products, past, grant };
}
