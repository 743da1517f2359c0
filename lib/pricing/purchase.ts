import { oneTimeItemById } from "./catalog/one-time";
import { packSpecById, type PackSpec } from "./catalog/packs";
import { productOfApi, type ProductId } from "./catalog/products";
import { MAX_QPS_PER_GROUP, QPS_GROUP_IDS, QPS_TIERS, qpsItemId, type QpsGroupId, type QpsPeriod, type QpsTier } from "./catalog/qps";
import { Dec } from "./decimal";
import { PricingError, showValue } from "./errors";
import { roundLineAmount } from "./money";
import { QPS_DEFAULT_PERIODS } from "./readings";

export const MAX_COUNT = 1_000_000_000_000;

/** A non-negative money amount of at most two decimals. */
export const MONEY_PATTERN = /^\d{1,15}(\.\d{1,2})?$/;

export interface PurchaseRequest {
  readonly item: string;
  readonly quantity: number;
  /** QPS only: what one period is. */
  readonly period?: QpsPeriod;
  /** QPS only: how many periods are paid for (default 1). */
  readonly periods?: number;
  /** body.offline-sdk:formal only: the price support quoted per unit. */
  readonly quotedPrice?: string;
  /** QPS only: the group's cap for this account (200, or more when support approved it, SPEC §2.6). */
  readonly maxQps?: number;
}

export type PurchaseKind = "pack" | "qps" | "one-time";

export interface PricedPurchase {
  readonly item: string;
  readonly kind: PurchaseKind;
  readonly product: ProductId;
  readonly quantity: number;
  readonly period?: QpsPeriod;
  readonly periods?: number;
  /** Price of one unit (one pack, one QPS for one period, one app). */
  readonly unitPrice: Dec;
  readonly amount: Dec;
  /** Set for packs: what the bought packs hold. */
  readonly pack?: PackSpec;
}

function requireQuantity(value: number, field: string, max = MAX_COUNT): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new PricingError("invalid-count", `${field} must be an integer from 1 to ${max}, got ${showValue(value)}`);
  }
}

/** The QPS price tier of a quantity bought: all units at the tier reached (SPEC §2.6). */
export function qpsTierFor(quantity: number): QpsTier {
  let reached: QpsTier | undefined;
  for (const tier of QPS_TIERS) {
    if (quantity >= tier.fromQps) reached = tier;
  }
  if (!reached) throw new PricingError("qps-out-of-range", `QPS quantity must be at least 1, got ${showValue(quantity)}`);
  return reached;
}

/** Whether adding `adding` QPS to `held` stays within the 200 per group (SPEC §2.6). */
export function qpsWithinLimit(held: number, adding: number): boolean {
  return held + adding <= MAX_QPS_PER_GROUP;
}

/** The price of buying QPS for a group: quantity × tier price × periods. */
export function priceQps(
  input: { quantity: number; period: QpsPeriod; periods?: number; maxQps?: number },
  field = "purchase",
): { unitPrice: Dec; amount: Dec; periods: number } {
  const { quantity, period } = input;
  const max = input.maxQps ?? MAX_QPS_PER_GROUP;
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > max) {
    throw new PricingError(
      "qps-out-of-range",
      `${field}.quantity: QPS must be an integer from 1 to ${max}, got ${showValue(quantity)}`,
    );
  }
  const periods = input.periods ?? QPS_DEFAULT_PERIODS;
  requireQuantity(periods, `${field}.periods`);
  const tier = qpsTierFor(quantity);
  const unitPrice = catalogPrice(period === "month" ? tier.perMonth : tier.perDay);
  return { unitPrice, amount: roundLineAmount(unitPrice.times(quantity).times(periods)), periods };
}

/** The price of `quantity` packs of one size (SPEC §2.4). */
export function pricePacks(packId: string, quantity: number, field = "purchase"): { pack: PackSpec; unitPrice: Dec; amount: Dec } {
  const pack = packSpecById(packId);
  if (!pack) throw new PricingError("unknown-item", `${field}.item: no pack ${showValue(packId)} is sold`);
  requireQuantity(quantity, `${field}.quantity`);
  const unitPrice = catalogPrice(pack.price);
  return { pack, unitPrice, amount: roundLineAmount(unitPrice.times(quantity)) };
}

const QPS_GROUP_BY_ITEM = new Map<string, QpsGroupId>(QPS_GROUP_IDS.map((group) => [qpsItemId(group), group]));

function qpsGroupOfItem(item: string): QpsGroupId | null {
  return QPS_GROUP_BY_ITEM.get(item) ?? null;
}

// Catalog prices as Decimals, built once per price string (hot path of the monthly quote).
const PRICE_CACHE = new Map<string, Dec>();

function catalogPrice(price: string): Dec {
  let value = PRICE_CACHE.get(price);
  if (!value) {
    value = new Dec(price);
    PRICE_CACHE.set(price, value);
  }
  return value;
}

function rejectQpsFields(request: PurchaseRequest, field: string): void {
  if (request.period !== undefined || request.periods !== undefined) {
    throw new PricingError("invalid-input", `${field}: period and periods apply only to QPS, not to ${showValue(request.item)}`);
  }
}

/**
 * The price of one purchase: a pack (`scan.code-recognition:10k`), QPS (`qps:body`), or a
 * one-time item (`scan.sdk`, `body.offline-sdk:trial`, `body.offline-sdk:formal`).
 */
export function pricePurchase(request: PurchaseRequest, field = "purchase"): PricedPurchase {
  const { item, quantity } = request;
  const group = qpsGroupOfItem(item);
  if (group) {
    if (request.period === undefined) {
      throw new PricingError("invalid-input", `${field}.period: QPS needs a period of "month" or "day", got nothing`);
    }
    const priced = priceQps({ quantity, period: request.period, periods: request.periods, maxQps: request.maxQps }, field);
    return { item, kind: "qps", product: group, quantity, period: request.period, periods: priced.periods, unitPrice: priced.unitPrice, amount: priced.amount };
  }
  const pack = packSpecById(item);
  if (pack) {
    rejectQpsFields(request, field);
    const priced = pricePacks(item, quantity, field);
    return { item, kind: "pack", product: productOfApi(pack.api), quantity, unitPrice: priced.unitPrice, amount: priced.amount, pack };
  }
  const oneTime = oneTimeItemById(item);
  if (!oneTime) throw new PricingError("unknown-item", `${field}.item: unknown item ${showValue(item)}`);
  rejectQpsFields(request, field);
  requireQuantity(quantity, `${field}.quantity`, oneTime.maxPerAccount ?? MAX_COUNT);
  let price = oneTime.price;
  if (price === null) {
    if (request.quotedPrice === undefined) {
      throw new PricingError("price-on-request", `${field}.quotedPrice: ${item} is priced on request; give the price support quoted`);
    }
    if (!MONEY_PATTERN.test(request.quotedPrice)) {
      throw new PricingError("invalid-money", `${field}.quotedPrice must be an amount like "1200.00", got ${showValue(request.quotedPrice)}`);
    }
    price = request.quotedPrice;
  }
  const unitPrice = new Dec(price);
  return { item, kind: "one-time", product: oneTime.product, quantity, unitPrice, amount: roundLineAmount(unitPrice.times(quantity)) };
}
