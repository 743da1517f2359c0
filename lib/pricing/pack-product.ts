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
