import { PRICE_BOOKS, FIRST_PRICED_MONTH, type PriceBook } from "./catalog/price-books";
import { isApiId, type ApiId } from "./catalog/products";
import { PricingError, showValue } from "./errors";
import { parseMonth, type Month } from "./months";

/** The price book in force for a month (SPEC §2.1); months before 2022-09 have none. */
export function priceBookForMonth(month: Month): PriceBook {
  parseMonth(month);
  for (const book of PRICE_BOOKS) {
    if (month >= book.fromMonth && (book.toMonth === null || month <= book.toMonth)) return book;
  }
  throw new PricingError(
    "no-price-book",
    `month ${showValue(month)} has no price book: the first priced month is ${FIRST_PRICED_MONTH}`,
  );
}

const API_SETS = new Map<PriceBook, ReadonlySet<string>>();

function apiSetOf(book: PriceBook): ReadonlySet<string> {
  let set = API_SETS.get(book);
  if (!set) {
    set = new Set<string>(book.apis);
    API_SETS.set(book, set);
  }
  return set;
}

/** Whether a book offers an API (SPEC §2.1: e.g. recognition.pet only from 2023-12). */
export function bookOffersApi(book: PriceBook, api: string): api is ApiId {
  return apiSetOf(book).has(api);
}

/**
 * Checks that `value` (found at `field`) names an API offered by `book`: `unknown-api` for
 * an id not in the catalog, `api-not-in-book` for one the book does not offer.
 */
export function requireApiInBook(book: PriceBook, value: string, field: string): ApiId {
  if (bookOffersApi(book, value)) return value;
  if (!isApiId(value)) {
    throw new PricingError("unknown-api", `${field}: unknown API ${showValue(value)}`);
  }
  if (!bookOffersApi(book, value)) {
    throw new PricingError(
      "api-not-in-book",
      `${field}: API ${showValue(value)} is not offered in price book ${book.id} (months ${book.fromMonth} to ${book.toMonth ?? "now"})`,
    );
  }
  return value;
}
