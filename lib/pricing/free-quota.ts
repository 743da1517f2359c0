import type { FreePool, PriceBook } from "./catalog/price-books";
import type { ApiId } from "./catalog/products";
import { catalogIndex } from "./catalog/products";
import type { Dec } from "./decimal";

const POOLS_BY_BOOK = new Map<PriceBook, ReadonlyMap<ApiId, FreePool>>();

function poolsOf(book: PriceBook): ReadonlyMap<ApiId, FreePool> {
  let pools = POOLS_BY_BOOK.get(book);
  if (!pools) {
    pools = new Map(book.freePools.flatMap((pool) => pool.apis.map((api) => [api, pool] as const)));
    POOLS_BY_BOOK.set(book, pools);
  }
  return pools;
}

/** The monthly free pool an API draws from in a book, or null if it has none (SPEC §2.2). */
export function freePoolOf(book: PriceBook, api: ApiId): FreePool | null {
  return poolsOf(book).get(api) ?? null;
}

/** The free calls a month's free pack gives an API, before any use (0 if none). */
export function monthlyFreeCalls(book: PriceBook, api: ApiId): number {
  return freePoolOf(book, api)?.callsPerMonth ?? 0;
}

export interface PoolClaim {
  readonly api: ApiId;
  readonly calls: number;
  /** Unit price of the tier the API's month total reaches. */
  readonly unitPricePerCall: Dec;
}

/**
 * Splits a shared free pool among the APIs that use it when call times are unknown:
 * Reading SHARED_POOL_DEARER_FIRST (readings.ts): the dearer API is covered first, so the
 * customer is billed the least; ties go in catalog order.
 */
export function allocateSharedPool(poolRemaining: number, claims: readonly PoolClaim[]): Map<ApiId, number> {
  const ordered = [...claims].sort(
    (a, b) => b.unitPricePerCall.comparedTo(a.unitPricePerCall) || catalogIndex(a.api) - catalogIndex(b.api),
  );
  const free = new Map<ApiId, number>();
  let left = poolRemaining;
  for (const claim of ordered) {
    const taken = Math.min(left, claim.calls);
    free.set(claim.api, taken);
    left -= taken;
  }
  return free;
}
