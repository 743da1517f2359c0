/**
 * The shared pricing module (SPEC §1–§5, QUOTE.md): the catalog as data and pure functions.
 * No I/O, no clock, no database; imports only decimal.js and zod. Runs in browser and server.
 */
export * from "./catalog/products";
export * from "./catalog/price-books";
export * from "./catalog/postpaid-tiers";
export * from "./catalog/packs";
export * from "./catalog/qps";
export * from "./catalog/one-time";
export { Dec, toDec, type MoneyInput } from "./decimal";
export { roundLineAmount, lineAmount, sumAmounts } from "./money";
export { formatCount, formatMoney, formatMoneyGrouped, groupMoneyText, formatYuan, formatUnitPrice } from "./format";
export { PricingError, PRICING_ERROR_CODES, type PricingErrorCode } from "./errors";
export { packsOnSaleFor, productOfPack, productSellsPacks, UnknownPackApiError } from "./pack-product";
export {
  BILLING_TIME_ZONE,
  DAY_MS,
  shanghaiDay,
  shanghaiDayStart,
  shanghaiWeekday,
  isShanghaiMidnight,
  shanghaiIsoString,
  addShanghaiMonths,
  type Day,
} from "./calendar";
export {
  daysOfMonth,
  monthOf,
  monthStart,
  monthEnd,
  nextMonth,
  previousMonth,
  parseMonth,
  isMonth,
  isInstant,
  instantMs,
  compareMonths,
  type Month,
  type InstantInput,
} from "./months";
export { priceBookForMonth, bookOffersApi, requireApiInBook } from "./price-book";
export { tiersOf, tierForMonthTotal, type Tier } from "./tiers";
export { freePoolOf, monthlyFreeCalls, allocateSharedPool } from "./free-quota";
export { drawCalls, splitMonthCalls, orderPacksForDrawing, type UsablePack, type PackDraw, type CallDraw } from "./draw";
export { priceLine, lineFormula, type LineCounts, type PricedLine, type DrawnUsage, type UsageLine } from "./line";
export { pricePurchase, pricePacks, priceQps, qpsTierFor, qpsWithinLimit, MAX_COUNT, type PurchaseRequest, type PricedPurchase } from "./purchase";
export { packExpiresAt, oneTimeGrantOf, oneTimeGrantAt } from "./validity";
export { packRefundability, refundableUntil, refundReturns, REFUNDABLE_PRODUCTS, type Refundability, type RefundRefusal, type PackSource, type PaidFrom } from "./refund";
export { splitPayment, type Balance, type Voucher, type PaymentSplit } from "./payment";
export { alertsCrossed, DEFAULT_ALERT_THRESHOLDS } from "./alerts";
export * from "./readings";
export { quoteInputSchema, quotePackSchema, quotePurchaseSchema, parseQuoteInput, type QuoteInput } from "./quote/schema";
export { quoteMonth, type Quote, type QuoteLine, type QuotePackDraw, type QuotePurchase } from "./quote/quote-month";
export { quoteJsonText, errorBody, type QuoteCommandResult, type QuoteErrorBody } from "./quote/quote-json";
