import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { accounts, serviceActivations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { monthOf, PRODUCT_IDS, type ProductId } from "@/lib/pricing";
import { grantBarcodeLookupOnce, issueProductFreePacks, receivesFreePacks } from "./free-packs";

/** The service terms a customer accepts when activating; recorded with the activation. */
export const TERMS_VERSION = "2024-12";

export const activationInput = z.object({
  product: z.enum(PRODUCT_IDS),
  acceptTerms: z.literal(true),
});
export type ActivationInput = z.infer<typeof activationInput>;

export interface Activation {
  product: ProductId;
  alreadyActive: boolean;
  freePacksIssued: number;
  barcodeGrant: boolean;
}

/**
 * Activates a product (开通, SPEC §2) for the actor's account, taking effect at once: the current
 * month's free packs are issued now (SPEC §2.2 "at activation"), and scan's first activation grants
 * barcode-lookup's one-time 50 calls. Activating again changes nothing.
 */
export async function activateProduct({ ctx, input, accountId = accountOf(ctx.actor) }: { ctx: ServiceContext; input: ActivationInput; accountId?: string }): Promise<Activation> {
  assertCanWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [account] = await tx.db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId));
    if (!account) throw new NotFoundError("account-not-found");
    if (account.status === "disabled") throw new ConflictError("account-disabled");
    const inserted = await tx.db
      .insert(serviceActivations)
      .values({ accountId, product: input.product, termsVersion: TERMS_VERSION, activatedAt: tx.now })
      .onConflictDoNothing()
      .returning({ product: serviceActivations.product });
    if (inserted.length === 0) return { product: input.product, alreadyActive: true, freePacksIssued: 0, barcodeGrant: false };
    const freePacksIssued = receivesFreePacks(account.status) ? await issueProductFreePacks(tx.db, accountId, input.product, monthOf(tx.now), tx.now, tx.now) : 0;
    const barcodeGrant = input.product === "scan" ? await grantBarcodeLookupOnce(tx.db, accountId, tx.now) : false;
    await recordAudit(tx, {
      action: "service.activated",
      accountId,
      target: input.product,
      after: { termsVersion: TERMS_VERSION, freePacksIssued, barcodeGrant },
    });
    return { product: input.product, alreadyActive: false, freePacksIssued, barcodeGrant };
  });
}

export async function activeProducts({ ctx, accountId = accountOf(ctx.actor) }: { ctx: ServiceContext; accountId?: string }): Promise<Map<ProductId, Date>> {
  const rows = await ctx.db.select().from(serviceActivations).where(eq(serviceActivations.accountId, accountId));
  return new Map(rows.map((row) => [row.product as ProductId, row.activatedAt]));
}
