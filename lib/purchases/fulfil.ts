import "server-only";
import type { Database } from "@/db/client";
import { licences, packs, qpsGrants, type licenceQuotes } from "@/db/schema";
import { deliverQuotedLicence } from "@/lib/quota/licence-quotes";
import { packExpiresAt, type PricedPurchase, type PaidFrom } from "@/lib/pricing";
import { periodEnd } from "@/lib/quota/periods";
import { allocateCents } from "./allocate";
import type { PurchaseItem } from "./schemas";

/** Delivers what was paid for, in the purchase's transaction: packs, QPS, a scan.sdk licence or a quoted offline-SDK licence. */
export async function fulfil(db: Database, input: { accountId: string; purchaseId: string; priced: PricedPurchase; item: PurchaseItem; paid: PaidFrom; at: Date; quote?: typeof licenceQuotes.$inferSelect; autoRenew?: boolean }): Promise<void> {
  const { priced, at } = input;
  if (priced.kind === "pack" && priced.pack) {
    const pack = priced.pack;
    const n = priced.quantity;
    const shares = {
      voucher: allocateCents(input.paid.voucher, n),
      gift: allocateCents(input.paid.gift, n),
      income: allocateCents(input.paid.income, n),
      cash: allocateCents(input.paid.cash, n),
    };
    await db.insert(packs).values(
      Array.from({ length: n }, (_, i) => ({
        accountId: input.accountId,
        api: pack.api,
        packSpec: pack.id,
        size: pack.calls,
        remaining: pack.calls,
        source: "purchase" as const,
        deliveredAt: at,
        expiresAt: packExpiresAt(at),
        purchaseId: input.purchaseId,
        paidVoucher: shares.voucher[i]?.toFixed(2) ?? "0",
        paidGift: shares.gift[i]?.toFixed(2) ?? "0",
        paidIncome: shares.income[i]?.toFixed(2) ?? "0",
        paidCash: shares.cash[i]?.toFixed(2) ?? "0",
        createdAt: at,
      })),
    );
    return;
  }
  if (priced.kind === "qps") {
    await db.insert(qpsGrants).values({
      accountId: input.accountId,
      groupId: priced.product,
      qps: priced.quantity,
      startsAt: at,
      endsAt: periodEnd(at, priced.period ?? "month", priced.periods ?? 1),
      purchaseId: input.purchaseId,
      // A renewed grant keeps renewing until the customer turns it off.
      autoRenew: input.autoRenew ?? false,
    });
    return;
  }
  if (priced.item === "scan.sdk" && input.item.app) {
    await db.insert(licences).values({
      accountId: input.accountId,
      kind: "scan-sdk",
      appName: input.item.app.name,
      iosBundleId: input.item.app.iosBundleId,
      androidPackage: input.item.app.androidPackage,
      startsAt: at,
      endsAt: null,
      purchaseId: input.purchaseId,
      createdAt: at,
    });
    return;
  }
  if (priced.item === "body.offline-sdk:formal" && input.quote) {
    await deliverQuotedLicence(db, { quote: input.quote, purchaseId: input.purchaseId, at, renewal: input.autoRenew ?? false });
    return;
  }
  throw new Error(`nothing to deliver for ${priced.item}`);
}
