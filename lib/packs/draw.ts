import "server-only";
import { and, asc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { packs } from "@/db/schema";
import { ValidationError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { drawCalls as priceDraw, isApiId, PRICE_BOOKS, productOfApi, type ApiId, type ProductId } from "@/lib/pricing";

export interface DrawInput {
  accountId: string;
  api: ApiId;
  calls: number;
  /** When the calls were made: only packs delivered by then and not yet expired are drawn. */
  at: Date;
}

export interface DrawnPack {
  packId: string;
  source: "free" | "purchase" | "gift";
  product: ProductId;
  size: number;
  used: number;
  remainingBefore: number;
  remaining: number;
}

export interface DrawResult {
  free: number;
  fromPacks: number;
  billable: number;
  /** Every pack drawn from, in drawing order, with before/after remaining (for alerts, SPEC §5). */
  packs: DrawnPack[];
}

/** The pack `api` values an API draws from: its own, and any shared free pool it belongs to (book 2022-09). */
export function packApisFor(api: ApiId): string[] {
  const shared = PRICE_BOOKS.flatMap((book) => book.freePools.filter((pool) => pool.apis.length > 1 && pool.apis.includes(api)).map((pool) => pool.id));
  return [api, ...new Set(shared)];
}

/**
 * THE pack-draw service (SPEC §2.5): takes `calls` from the month's free pack(s), then from bought
 * and gift packs by earliest expiry (ties: older delivery), and reports the rest as billable.
 * Metering calls it for every reported event.
 *
 * The usable packs are locked FOR UPDATE before they are read for drawing. A refund locks the same
 * pack row (lib/refunds), so a refund and a draw on one pack are serialized: whichever commits first
 * wins, and the other re-reads the row (PostgreSQL re-checks the WHERE clause of a locked row), so a
 * refunded pack is never drawn and a drawn pack is never refunded (SPEC §4).
 */
export async function drawCalls({ ctx, input }: { ctx: ServiceContext; input: DrawInput }): Promise<DrawResult> {
  if (!isApiId(input.api)) throw new ValidationError("api", "unknown-api");
  if (!Number.isSafeInteger(input.calls) || input.calls < 1) throw new ValidationError("calls", "invalid-calls");
  return inTransaction(ctx, async (tx) => {
    const usable = await tx.db
      .select()
      .from(packs)
      .where(
        and(
          eq(packs.accountId, input.accountId),
          inArray(packs.api, packApisFor(input.api)),
          isNull(packs.refundedAt),
          eq(packs.refundHold, false),
          gt(packs.remaining, 0),
          lte(packs.deliveredAt, input.at),
          gt(packs.expiresAt, input.at),
        ),
      )
      .orderBy(asc(packs.expiresAt), asc(packs.deliveredAt), asc(packs.id))
      .for("update");
    const free = usable.filter((pack) => pack.source === "free");
    const bought = usable.filter((pack) => pack.source !== "free");
    // Free first, then the others; each group in the pricing module's drawing order.
    const fromFree = priceDraw({ calls: input.calls, freeRemaining: 0, packs: free.map(toUsable) });
    const fromBought = priceDraw({ calls: fromFree.billable, freeRemaining: 0, packs: bought.map(toUsable) });
    const byId = new Map(usable.map((pack) => [pack.id, pack]));
    const drawn: DrawnPack[] = [];
    for (const draw of [...fromFree.packs, ...fromBought.packs]) {
      const pack = byId.get(draw.id);
      if (!pack) throw new Error("drew a pack that was not locked");
      await tx.db
        .update(packs)
        .set({ remaining: sql`${packs.remaining} - ${draw.used}` })
        .where(eq(packs.id, pack.id));
      drawn.push({
        packId: pack.id,
        source: pack.source,
        product: productOfApi(input.api),
        size: pack.size,
        used: draw.used,
        remainingBefore: pack.remaining,
        remaining: draw.remaining,
      });
    }
    return { free: fromFree.fromPacks, fromPacks: fromBought.fromPacks, billable: fromBought.billable, packs: drawn };
  });
}

function toUsable(pack: typeof packs.$inferSelect) {
  return { id: pack.id, remaining: pack.remaining, expiresAt: pack.expiresAt, deliveredAt: pack.deliveredAt };
}
