import "server-only";
import { ValidationError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { isApiId, PRICE_BOOKS, type ApiId, type ProductId } from "@/lib/pricing";
import { drawBatch } from "./draw-batch";

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
 * THE pack-draw service (SPEC §2.5) for one call report: takes `calls` from the month's free
 * pack(s), then from bought and gift packs by earliest expiry (ties: older delivery), and reports
 * the rest as billable. It is the batch draw (`drawBatch`, which metering uses for a whole request)
 * applied to one event, in its own transaction: there is one drawing rule and one implementation.
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
    const drawn = await drawBatch(tx, input.accountId, [{ api: input.api, calls: input.calls, at: input.at }]);
    const split = drawn.splits[0] ?? { free: 0, fromPacks: 0, billable: input.calls };
    // Drawing order: free packs first, then the others, each by expiry (the order the rows were locked in).
    const ordered = [...drawn.changes.filter((c) => c.source === "free"), ...drawn.changes.filter((c) => c.source !== "free")];
    return {
      ...split,
      packs: ordered.map((change) => ({
        packId: change.packId,
        source: change.source,
        product: change.product,
        size: change.size,
        used: change.remainingBefore - change.remaining,
        remainingBefore: change.remainingBefore,
        remaining: change.remaining,
      })),
    };
  });
}
