import type { FreePool, PriceBook } from "../catalog/price-books";
import type { ApiId } from "../catalog/products";
import { qpsGroupOfApi } from "../catalog/qps";
import { Dec } from "../decimal";
import { drawFromOrdered, type OrderedPack } from "../draw";
import { PricingError, showValue } from "../errors";
import { formatMoney } from "../format";
import { allocateSharedPool, freePoolOf } from "../free-quota";
import { priceLine, type UsageLine } from "../line";
import { instantMs, monthStart } from "../months";
import { bookOffersApi, priceBookForMonth, requireApiInBook } from "../price-book";
import { pricePurchase, type PricedPurchase } from "../purchase";
import { purchasedPackId } from "../readings";
import { tierForMonthTotal, type Tier } from "../tiers";
import type { QuoteInput } from "./schema";

/** A quote's line: the usage-line shape (line.ts). */
export type QuoteLine = UsageLine;

export interface QuotePackDraw {
  readonly id: string;
  readonly used: number;
  readonly remaining: number;
}

export interface QuotePurchase {
  readonly item: string;
  readonly quantity: number;
  readonly period?: "month" | "day";
  readonly periods?: number;
  readonly unitPrice: string;
  readonly amount: string;
}

/** QUOTE.md output; key order is part of the contract. */
export interface Quote {
  readonly month: string;
  readonly priceBook: string;
  readonly lines: readonly QuoteLine[];
  readonly packDraws: readonly QuotePackDraw[];
  readonly purchases: readonly QuotePurchase[];
  readonly usageTotal: string;
  readonly purchaseTotal: string;
  readonly total: string;
}

interface WorkingPack extends OrderedPack {
  readonly api: ApiId;
  readonly initial: number;
  readonly expiresMs: number;
  readonly deliveredMs: number;
  readonly index: number;
}

function collectCalls(book: PriceBook, counts: Readonly<Record<string, number>> | undefined, field: string): Map<ApiId, number> {
  const byApi = new Map<ApiId, number>();
  if (!counts) return byApi;
  for (const key in counts) {
    // The field name is built only for the error message, off the hot path.
    const api = bookOffersApi(book, key) ? key : requireApiInBook(book, key, `${field}[${JSON.stringify(key)}]`);
    byApi.set(api, counts[key] ?? 0);
  }
  return byApi;
}

function collectPacks(book: PriceBook, input: QuoteInput, monthStartMs: number): WorkingPack[] {
  const packs: WorkingPack[] = [];
  const ids = new Set<string>();
  (input.packs ?? []).forEach((pack, index) => {
    const field = `packs[${index}]`;
    const api = requireApiInBook(book, pack.api, `${field}.api`);
    if (ids.has(pack.id)) throw new PricingError("duplicate-pack-id", `${field}.id: pack id ${showValue(pack.id)} is listed twice`);
    ids.add(pack.id);
    if (pack.size !== undefined && pack.remaining > pack.size) {
      throw new PricingError("invalid-count", `${field}.remaining must not exceed size ${pack.size}, got ${pack.remaining}`);
    }
    const expiresMs = instantMs(pack.expiresAt, `${field}.expiresAt`);
    // Reading QUOTE_PACKS_WHOLE_MONTH: a pack expired by the 1st is void: nothing drawn, 0 left.
    const usable = expiresMs > monthStartMs;
    packs.push({
      id: pack.id,
      api,
      remaining: usable ? pack.remaining : 0,
      initial: usable ? pack.remaining : 0,
      expiresMs,
      // Without deliveredAt, listing order stands for purchase order.
      deliveredMs: pack.deliveredAt === undefined ? Number.NEGATIVE_INFINITY : instantMs(pack.deliveredAt, `${field}.deliveredAt`),
      index,
    });
  });
  packs.sort((a, b) => a.expiresMs - b.expiresMs || a.deliveredMs - b.deliveredMs || a.index - b.index);
  return packs;
}

function pricePurchases(book: PriceBook, input: QuoteInput): PricedPurchase[] {
  return (input.purchases ?? []).map((purchase, index) => {
    const field = `purchases[${index}]`;
    const priced = pricePurchase(purchase, field);
    if (priced.pack) requireApiInBook(book, priced.pack.api, `${field}.item`);
    return priced;
  });
}

/** Packs bought in the month: drawn after the listed packs (QUOTE.md), in purchase order. */
function purchasedPacks(purchases: readonly PricedPurchase[], firstIndex: number): WorkingPack[] {
  const packs: WorkingPack[] = [];
  purchases.forEach((purchase, purchaseIndex) => {
    const spec = purchase.pack;
    if (!spec) return;
    for (let unit = 1; unit <= purchase.quantity; unit++) {
      packs.push({
        id: purchasedPackId(purchaseIndex, unit),
        api: spec.api,
        remaining: spec.calls,
        initial: spec.calls,
        expiresMs: Number.POSITIVE_INFINITY,
        deliveredMs: Number.POSITIVE_INFINITY,
        index: firstIndex + packs.length,
      });
    }
  });
  return packs;
}

/**
 * The free calls each priced API gets. An override in freeRemaining replaces the book's
 * quota; the members of a shared pool must agree on it (it is one pool).
 */
function freeByApi(
  book: PriceBook,
  calls: ReadonlyMap<ApiId, number>,
  overrides: ReadonlyMap<ApiId, number>,
  tiers: ReadonlyMap<ApiId, Tier>,
): Map<ApiId, number> {
  const free = new Map<ApiId, number>();
  const poolRemaining = (pool: FreePool | null, api: ApiId): number => {
    if (!pool) return overrides.get(api) ?? 0;
    let value: number | undefined;
    for (const member of pool.apis) {
      const given = overrides.get(member);
      if (given === undefined) continue;
      if (value !== undefined && value !== given) {
        throw new PricingError(
          "shared-pool-mismatch",
          `freeRemaining: ${pool.apis.join(" and ")} share one free pool in book ${book.id}; give the same number for both, got ${value} and ${given}`,
        );
      }
      value = given;
    }
    return value ?? pool.callsPerMonth;
  };
  const donePools = new Set<string>();
  for (const [api, count] of calls) {
    const pool = freePoolOf(book, api);
    if (!pool || pool.apis.length === 1) {
      free.set(api, Math.min(count, poolRemaining(pool, api)));
      continue;
    }
    if (donePools.has(pool.id)) continue;
    donePools.add(pool.id);
    const claims = pool.apis.flatMap((member) => {
      const memberCalls = calls.get(member);
      const tier = tiers.get(member);
      return memberCalls && tier ? [{ api: member, calls: memberCalls, unitPricePerCall: tier.unitPricePerCall }] : [];
    });
    for (const [member, taken] of allocateSharedPool(poolRemaining(pool, api), claims)) free.set(member, taken);
  }
  return free;
}

/**
 * Prices one month of one account (QUOTE.md): usage lines in catalog order, the packs
 * drawn, the month's purchases and the totals. Input is trusted to have passed
 * parseQuoteInput (shape); catalog rules are checked here and refused with PricingError.
 */
export function quoteMonth(input: QuoteInput): Quote {
  const book = priceBookForMonth(input.month);
  const monthStartMs = monthStart(input.month).getTime();
  const qpsBilled = input.billingMode?.body === "qps";

  const allCalls = collectCalls(book, input.usage, "usage");
  const overrides = collectCalls(book, input.freeRemaining, "freeRemaining");
  const listedPacks = collectPacks(book, input, monthStartMs);
  const purchases = pricePurchases(book, input);
  const boughtPacks = purchasedPacks(purchases, listedPacks.length);

  // SPEC §2.6: under QPS billing the group's calls are neither drawn nor priced.
  const calls = new Map<ApiId, number>();
  const tiers = new Map<ApiId, Tier>();
  for (const api of book.apis) {
    const count = allCalls.get(api);
    if (!count || (qpsBilled && qpsGroupOfApi(api) === "body")) continue;
    calls.set(api, count);
    tiers.set(api, tierForMonthTotal(api, count));
  }
  const free = freeByApi(book, calls, overrides, tiers);

  const allPacks = listedPacks.concat(boughtPacks);
  const packsByApi = new Map<ApiId, WorkingPack[]>();
  for (const pack of allPacks) {
    const list = packsByApi.get(pack.api);
    if (list) list.push(pack);
    else packsByApi.set(pack.api, [pack]);
  }

  const lines: QuoteLine[] = [];
  let usageTotal = new Dec(0);
  for (const [api, count] of calls) {
    const tier = tiers.get(api);
    if (!tier) continue;
    const draw = drawFromOrdered(count, free.get(api) ?? 0, packsByApi.get(api) ?? []);
    const priced = priceLine({ calls: count, free: draw.free, fromPacks: draw.fromPacks }, tier.unitPricePerCall, tier.unitPriceText);
    usageTotal = usageTotal.plus(priced.amount);
    lines.push({
      api,
      calls: count,
      free: draw.free,
      fromPacks: draw.fromPacks,
      billable: priced.billable,
      tier: tier.number,
      unitPrice: tier.unitPriceText,
      amount: priced.amountText,
      formula: priced.formula,
    });
  }

  const packDraws = allPacks
    .sort((a, b) => a.index - b.index)
    .map((pack) => ({ id: pack.id, used: pack.initial - pack.remaining, remaining: pack.remaining }));

  let purchaseTotal = new Dec(0);
  const purchaseLines = purchases.map((purchase): QuotePurchase => {
    purchaseTotal = purchaseTotal.plus(purchase.amount);
    const base = { item: purchase.item, quantity: purchase.quantity };
    const money = { unitPrice: formatMoney(purchase.unitPrice), amount: formatMoney(purchase.amount) };
    return purchase.kind === "qps" ? { ...base, period: purchase.period, periods: purchase.periods, ...money } : { ...base, ...money };
  });

  return {
    month: input.month,
    priceBook: book.id,
    lines,
    packDraws,
    purchases: purchaseLines,
    usageTotal: formatMoney(usageTotal),
    purchaseTotal: formatMoney(purchaseTotal),
    total: formatMoney(usageTotal.plus(purchaseTotal)),
  };
}
