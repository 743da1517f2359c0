import "server-only";
import { and, asc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { packs } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { APIS, drawCalls as priceDraw, productOfApi, productOfPack, type ApiId, type ProductId } from "@/lib/pricing";
import { packApisFor } from "./draw";

export interface BatchDrawEvent {
  api: ApiId;
  calls: number;
  at: Date;
}

export interface EventSplit {
  free: number;
  fromPacks: number;
  billable: number;
}

export interface PackChange {
  packId: string;
  api: string;
  source: "free" | "purchase" | "gift";
  product: ProductId;
  size: number;
  remainingBefore: number;
  remaining: number;
}

export interface BatchDrawResult {
  splits: EventSplit[];
  /** Each pack drawn in the batch, once, with its remaining before the batch and after it. */
  changes: PackChange[];
  /**
   * Packs of any source (free, bought, gift) still usable after the batch, counted per pack `api`
   * (for the "only one usable pack left" alert rule, SPEC §5, Reading FREE_PACK_IS_A_PACK).
   */
  usablePacksByApi: Map<string, number>;
}

type PackRow = typeof packs.$inferSelect;

/**
 * The pack-draw rule of SPEC §2.5 applied to a batch of events in order, with a constant number
 * of statements: one SELECT … FOR UPDATE of the usable packs of the products involved, the draws
 * computed in memory with lib/pricing, one UPDATE for every pack drawn. Runs inside the caller's
 * transaction (metering); the row locks serialize it with refunds exactly as `drawCalls` does.
 */
export async function drawBatch(ctx: ServiceContext, accountId: string, events: BatchDrawEvent[]): Promise<BatchDrawResult> {
  if (events.length === 0) return { splits: [], changes: [], usablePacksByApi: new Map() };
  const rows = await selectUsablePacks(ctx, accountId, events);
  const drawn = drawFromPacks(rows, events);
  await updateDrawnPacks(ctx, drawn);
  return drawn;
}

/**
 * The SELECT … FOR UPDATE of `drawBatch`, on its own: metering sends it pipelined with its other
 * reads (one round trip). `events` may be a superset of those drawn later (events a check rejects):
 * it only widens which packs are locked.
 */
export function selectUsablePacks(ctx: ServiceContext, accountId: string, events: BatchDrawEvent[]): Promise<PackRow[]> {
  if (events.length === 0) return Promise.resolve([]);
  const products = new Set(events.map((e) => productOfApi(e.api)));
  const packApis = [...new Set(APIS.filter((a) => products.has(a.product)).flatMap((a) => packApisFor(a.id)))];
  const earliest = new Date(Math.min(...events.map((e) => e.at.getTime())));
  const latest = new Date(Math.max(...events.map((e) => e.at.getTime())));
  return ctx.db
    .select()
    .from(packs)
    .where(
      and(
        eq(packs.accountId, accountId),
        inArray(packs.api, packApis),
        isNull(packs.refundedAt),
        eq(packs.refundHold, false),
        gt(packs.remaining, 0),
        lte(packs.deliveredAt, latest),
        gt(packs.expiresAt, earliest),
      ),
    )
    .orderBy(asc(packs.expiresAt), asc(packs.deliveredAt), asc(packs.id))
    .for("update");
}

/** The draws of `events`, in order, from `rows` (the packs `selectUsablePacks` locked): pure, no statement. */
export function drawFromPacks(rows: PackRow[], events: BatchDrawEvent[]): BatchDrawResult {
  // A locked row naming an API the catalog does not know is refused here, as by every reader of a
  // pack's product (productOfPack), even when no event draws from it.
  for (const row of rows) productOfPack(row.api);
  const remaining = new Map(rows.map((row) => [row.id, row.remaining]));
  const usableAt = (row: PackRow, at: Date) => row.deliveredAt <= at && row.expiresAt > at && (remaining.get(row.id) ?? 0) > 0;
  const toUsable = (row: PackRow) => ({ id: row.id, remaining: remaining.get(row.id) ?? 0, expiresAt: row.expiresAt, deliveredAt: row.deliveredAt });

  const splits = events.map((event): EventSplit => {
    const apis = new Set(packApisFor(event.api));
    const candidates = rows.filter((row) => apis.has(row.api) && usableAt(row, event.at));
    const fromFree = priceDraw({ calls: event.calls, freeRemaining: 0, packs: candidates.filter((r) => r.source === "free").map(toUsable) });
    const fromBought = priceDraw({ calls: fromFree.billable, freeRemaining: 0, packs: candidates.filter((r) => r.source !== "free").map(toUsable) });
    for (const draw of [...fromFree.packs, ...fromBought.packs]) remaining.set(draw.id, draw.remaining);
    return { free: fromFree.fromPacks, fromPacks: fromBought.fromPacks, billable: fromBought.billable };
  });

  const changed = rows.filter((row) => remaining.get(row.id) !== row.remaining);
  const usablePacksByApi = new Map<string, number>();
  for (const row of rows) {
    if ((remaining.get(row.id) ?? 0) === 0) continue;
    usablePacksByApi.set(row.api, (usablePacksByApi.get(row.api) ?? 0) + 1);
  }
  const changes = changed.map((row) => ({
    packId: row.id,
    api: row.api,
    source: row.source,
    product: productOfPack(row.api),
    size: row.size,
    remainingBefore: row.remaining,
    remaining: remaining.get(row.id) ?? row.remaining,
  }));
  return { splits, changes, usablePacksByApi };
}

/** One UPDATE for every pack drawn (nothing when none was): metering sends it pipelined with its insert. */
export async function updateDrawnPacks(ctx: ServiceContext, drawn: BatchDrawResult): Promise<void> {
  if (drawn.changes.length === 0) return;
  const values = sql.join(
    drawn.changes.map((change) => sql`(${change.packId}::uuid, ${change.remaining}::int)`),
    sql`, `,
  );
  await ctx.db.execute(sql`update ${packs} set remaining = v.remaining from (values ${values}) as v(id, remaining) where ${packs.id} = v.id`);
}
