import { PACKS } from "./catalog/packs";
import { PRICE_BOOKS } from "./catalog/price-books";
import { isApiId, productOfApi, type ProductId } from "./catalog/products";
import { PricingError, showValue } from "./errors";

/**
 * A pack's `api` that is neither an API of the catalog nor one of its shared free pools. Packs are
 * only ever written from the catalog, so this is a broken row: every reader refuses it the same way
 * (the error propagates as an unexpected failure) rather than guessing a product, which would let a
 * refund or a draw count it against the wrong product.
 */
export class UnknownPackApiError extends PricingError {
  readonly packApi: string;

  constructor(packApi: string) {
    super("unknown-api", `pack api must be an API or a shared free pool of the catalog, got ${showValue(packApi)}`);
    this.name = "UnknownPackApiError";
    this.packApi = packApi;
  }
}

// A shared pool belongs to the product of its APIs (SPEC §2.2: the 2022-09 vehicle pool).
const PRODUCT_OF_POOL = new Map<string, ProductId>(
  PRICE_BOOKS.flatMap((book) => book.freePools).flatMap((pool) => (pool.apis[0] ? [[pool.id, productOfApi(pool.apis[0])] as const] : [])),
);

/**
 * The product a pack counts against (SPEC §2.4, §4): a pack's `api` is an API id, or a shared free
 * pool's id. The one answer to "which product owns this pack" for listing, drawing and refunding.
 * Throws UnknownPackApiError for anything else.
 */
export function productOfPack(packApi: string): ProductId {
  if (isApiId(packApi)) return productOfApi(packApi);
  const product = PRODUCT_OF_POOL.get(packApi);
  if (!product) throw new UnknownPackApiError(packApi);
  return product;
}

/**
 * Whether packs are on sale for the calls a pack `api` serves (an API with its own pack offers,
 * or a shared pool one of whose APIs has them). Image processing, and most recognition APIs, sell
 * none (SPEC §2.4): when their free quota runs out the calls go postpaid and there is nothing to buy.
 * The pack-alert messages and the Pack alerts page say so instead of suggesting a purchase.
 */
export function packsOnSaleFor(packApi: string): boolean {
  // Older alert rows name a pack offer (`scan.code-recognition:10k`): its API is before the colon.
  const api = packApi.split(":")[0] ?? packApi;
  const pool = PRICE_BOOKS.flatMap((book) => book.freePools).find((candidate) => candidate.id === api);
  const apis: readonly string[] = pool ? pool.apis : [api];
  return PACKS.some((offer) => apis.includes(offer.api));
}

/** Whether any API of a product sells packs (image processing does not: it is postpaid only beyond its free quota). */
export function productSellsPacks(product: ProductId): boolean {
  return PACKS.some((offer) => productOfApi(offer.api) === product);
}
