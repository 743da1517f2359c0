import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, serviceActivations, type licenceQuotes } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/context";
import { formatCount, formatMoney, PricingError, pricePurchase, QPS_GROUP_IDS, qpsItemId, type PricedPurchase, type ProductId, type QpsGroupId } from "@/lib/pricing";
import { payableQuote, renewableQuote } from "@/lib/quota/licence-quotes";
import { heldQps, qpsHeadroom, qpsLimit } from "@/lib/quota/qps";
import { MAX_PACKS_PER_PURCHASE, type PurchaseItem } from "./schemas";

/** Items bought through checkout. The body offline-SDK trial is free; its formal licence is sold only against support's quote. */
const NOT_SOLD_AT_CHECKOUT = new Set(["body.offline-sdk:trial"]);
const QUOTED_ITEM = "body.offline-sdk:formal";

export interface PreparedPurchase {
  priced: PricedPurchase;
  /** QPS already held in the group, for QPS items. */
  heldQps?: number;
  /** The quote a formal offline-SDK licence pays (its price, package and years). */
  quote?: typeof licenceQuotes.$inferSelect;
}

function priceOrRefuse(item: PurchaseItem, maxQps: number | undefined, quotedPrice?: string): PricedPurchase {
  try {
    return pricePurchase({ item: item.item, quantity: item.quantity, period: item.period, periods: item.period ? (item.periods ?? 1) : undefined, maxQps, quotedPrice });
  } catch (error) {
    if (error instanceof PricingError) throw new ValidationError(error.code === "unknown-item" ? "item" : "quantity", error.code);
    throw error;
  }
}

/**
 * Everything that decides whether an item may be bought by this account now, before any money
 * moves: the price (lib/pricing), the product activated (SPEC §2), the account not disabled, the QPS
 * cap (SPEC §2.6), the app a scan.sdk is bound to (SPEC §2.7). Used by the checkout page and by the
 * purchase itself (inside its transaction, so the QPS check sees every earlier purchase).
 */
export async function preparePurchase(db: Database, accountId: string, item: PurchaseItem, at: Date, options: { lockQuote?: boolean; renewal?: boolean } = {}): Promise<PreparedPurchase> {
  if (NOT_SOLD_AT_CHECKOUT.has(item.item)) throw new ValidationError("item", "not-sold-at-checkout");
  let quote: PreparedPurchase["quote"];
  if (item.item === QUOTED_ITEM) {
    if (!item.quoteId) throw new ValidationError("quoteId", "quote-required");
    // An auto-renewal (issue 22) pays the quote its licence was bought from again, at its price.
    quote = options.renewal ? await renewableQuote(db, accountId, item.quoteId) : await payableQuote(db, accountId, item.quoteId, at, options.lockQuote ?? false);
  } else if (item.quoteId) {
    throw new ValidationError("quoteId");
  }
  const qpsGroup = QPS_GROUP_IDS.find((group) => qpsItemId(group) === item.item);
  const maxQps = qpsGroup ? await qpsLimit(db, accountId, qpsGroup, at) : undefined;
  const priced = priceOrRefuse(item, maxQps, quote ? formatMoney(quote.price) : undefined);
  const [account] = await db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new NotFoundError("account-not-found");
  if (account.status === "disabled") throw new ConflictError("account-disabled");
  const [active] = await db
    .select({ product: serviceActivations.product })
    .from(serviceActivations)
    .where(and(eq(serviceActivations.accountId, accountId), eq(serviceActivations.product, priced.product)));
  if (!active) throw new ConflictError("not-activated", { product: priced.product as ProductId });
  if (priced.kind === "pack" && item.quantity > MAX_PACKS_PER_PURCHASE) throw new ValidationError("quantity", "too-many-packs", { max: MAX_PACKS_PER_PURCHASE });
  if (priced.kind === "one-time") {
    if (item.quantity !== 1) throw new ValidationError("quantity", "one-app-per-licence");
    if (quote) return { priced, quote };
    if (!item.app) throw new ValidationError("app", "app-required");
  }
  if (priced.kind === "qps") {
    const held = await heldQps(db, accountId, priced.product as QpsGroupId, at);
    const max = maxQps ?? (await qpsLimit(db, accountId, priced.product as QpsGroupId, at));
    if (held + item.quantity > max) {
      throw new ConflictError("qps-limit", { held: formatCount(held), max, available: qpsHeadroom(held, max) }, "quantity");
    }
    return { priced, heldQps: held };
  }
  return { priced };
}
