/**
 * Every reading of an ambiguity in the source documents, named once. Readings that are
 * a parameter are exported constants; the others are behaviour, and the code that
 * implements them cites the name. docs/pricing.md explains each under the same name.
 */

/**
 * FORMULA_TERM_ORDER: a line's formula subtracts pack calls, then free calls, as SPEC §9
 * example 2 writes it: `(2,500 − 1,000 − 50) × 0.12`. Zero terms are left out.
 */
export const FORMULA_TERM_ORDER = ["fromPacks", "free"] as const;

/**
 * SHARED_POOL_DEARER_FIRST: without timestamps, a shared free pool (book 2022-09 vehicle
 * APIs) covers the API with the higher unit price (at the tier its month total reaches)
 * first; ties go in catalog order (QUOTE.md).
 */

/**
 * REFUND_WINDOW_CALENDAR_DAYS: "7 天内（含7天）" counts calendar days in Asia/Shanghai from
 * the delivery day; a pack is refundable through 23:59:59.999 of delivery day + 7.
 */
export const REFUND_WINDOW_DAYS = 7;

/**
 * REFUND_REASON_PRECEDENCE: when several refund rules fail, the reason reported is the
 * first in this order (the most permanent first).
 */
export const REFUND_REASON_ORDER = [
  "already-refunded",
  "account-disabled",
  "not-bought",
  "promotion-no-refund",
  "product-not-refundable",
  "used",
  "window-passed",
] as const;

/**
 * BARCODE_LOOKUP_NO_MONTHLY_FREE: scan.barcode-lookup has no monthly free pack; its 50
 * one-time calls are passed in as free remaining (QUOTE.md `freeRemaining`).
 */

/**
 * CALENDAR_YEAR_VALIDITY: "valid 1 year" (packs) and "5 years" (the barcode grant) end at
 * the same Shanghai wall-clock time that many years later, exclusive; from 29 February
 * that is 1 March.
 */

/**
 * SCAN_LOW_ALERT_ONLY_WITH_ONE_PACK: scan's "below 20%" alert fires only while the product
 * has exactly one usable pack left (counting the pack itself); its "0" alert fires always.
 */
export const SCAN_ONE_PACK_CONDITION_APPLIES_TO_ZERO = false;

/**
 * QUOTE_PACKS_WHOLE_MONTH: the quote has no call timestamps, so a listed pack not yet
 * expired at the start of the month is drawn as if usable all month (expiresAt only
 * orders draws); one expired by then is not drawn.
 */

/**
 * QPS_LIMIT_PER_PURCHASE: the quote cannot see QPS already held, so it checks the
 * 1–200 limit per purchase; `qpsWithinLimit` checks held + added where the holding is known.
 * `periods` defaults to 1.
 */
export const QPS_DEFAULT_PERIODS = 1;

/**
 * PURCHASED_PACK_IDS: a pack bought in the quoted month has no id of its own; it is named
 * `purchases[i]#n` (purchase index from 0, unit from 1) in `packDraws`.
 */
export function purchasedPackId(purchaseIndex: number, unit: number): string {
  return `purchases[${purchaseIndex}]#${unit}`;
}

/**
 * VOUCHER_IGNORED_WHEN_NOT_APPLICABLE: a voucher for another product, or expired
 * (expiry exclusive), pays nothing; the purchase goes on to the balance and the split
 * says why the voucher was not used. A voucher pays at most the price.
 */

/**
 * NEGATIVE_SUBACCOUNT_PAYS_NOTHING: a sub-account below zero (arrears) contributes
 * nothing to a payment; it is not netted against the others.
 */

/**
 * OFFSET_REQUIRED: an instant given as a string must carry `Z` or an offset, so that no
 * result depends on the host's time zone.
 */

/**
 * BOTH_ALERTS_WHEN_JUMPING_TO_ZERO: a draw that takes a pack from above the low
 * threshold straight to 0 crosses both thresholds and returns both alerts.
 */

/**
 * BARCODE_PACKS_FROM_EXAMPLES: scan.barcode-lookup sells `1k` at 50 元 and `100k` at
 * 2,500 元, the only prices the document gives (in its worked examples); no other size.
 */

/**
 * TIER_PRICES_BILLABLE_ONLY (SPEC §2.3): the month's total calls (free, pack and postpaid)
 * choose the tier; only billable calls are priced at it, as the documents' examples do.
 */

/**
 * QUOTE_PACK_TIES_BY_LISTING: in a quote, packs expiring at the same instant are drawn by
 * deliveredAt when given, a pack without deliveredAt counts as older, and then listing
 * order stands for purchase order.
 */

/**
 * QUOTE_QPS_GROUP_SKIPS_FREE_TOO: under QPS billing the group's calls use neither the free
 * pack nor prepaid packs and produce no line (SPEC §2.6: calls are not billed per call).
 */

/**
 * LICENCE_ITEMS: `body.offline-sdk:trial` costs 0 and is limited to 4 devices per quote;
 * `body.offline-sdk:formal` is priced on request, so a purchase must carry `quotedPrice`.
 */

/**
 * QUOTE_UNKNOWN_FIELDS_REFUSED: the quote input refuses fields it does not know, so a
 * misspelt `usage` cannot quietly price nothing. The first problem found is reported.
 */
