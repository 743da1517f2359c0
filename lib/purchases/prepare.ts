import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, serviceActivations } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/context";
import { formatCount, PricingError, pricePurchase, QPS_GROUP_IDS, qpsItemId, type PricedPurchase, type ProductId, type QpsGroupId } from "@/lib/pricing";
import { heldQps, qpsHeadroom, qpsLimit } from "@/lib/quota/qps";
import { MAX_PACKS_PER_PURCHASE, type PurchaseItem } from "./schemas";

/** Items bought through checkout. The body offline-SDK is a trial (free) or a formal licence priced by support. */
const NOT_SOLD_AT_CHECKOUT = new Set(["body.offline-sdk:trial", "body.offline-sdk:formal"]);

export interface PreparedPurchase {
  priced: PricedPurchase;
  /** QPS already held in the group, for QPS items. */
  heldQps?: number;
}

function priceOrRefuse(item: PurchaseItem, maxQps: number | undefined): PricedPurchase {
  try {
    return pricePurchase({ item: item.item, quantity: item.quantity, period: item.period, periods: item.period ? (item.periods ?? 1) : undefined, maxQps });
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
export async function preparePurchase(db: Database, accountId: string, item: PurchaseItem, at: Date): Promise<PreparedPurchase> {
  if (NOT_SOLD_AT_CHECKOUT.has(item.item)) throw new ValidationError("item", "not-sold-at-checkout");
  const qpsGroup = QPS_GROUP_IDS.find((group) => qpsItemId(group) === item.item);
  const maxQps = qpsGroup ? await qpsLimit(db, accountId, qpsGroup, at) : undefined;
  const priced = priceOrRefuse(item, maxQps);
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
