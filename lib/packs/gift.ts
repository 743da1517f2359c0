import "server-only";
import { eq } from "drizzle-orm";
import { accounts, packs } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, ValidationError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { packExpiresAt, packSpecById } from "@/lib/pricing";
import { assertOperator } from "@/lib/wallet/operator";

/**
 * Grants a catalog pack as a gift (a promotion or goodwill): valid one year like a bought pack
 * (SPEC §2.4), never refundable (SPEC §4: not bought).
 */
export async function grantGiftPack({ ctx, input }: { ctx: ServiceContext; input: { accountId: string; packSpec: string } }): Promise<{ packId: string }> {
  assertOperator(ctx.actor);
  const spec = packSpecById(input.packSpec);
  if (!spec) throw new ValidationError("pack", "unknown-pack");
  return inTransaction(ctx, async (tx) => {
    const [account] = await tx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId));
    if (!account) throw new NotFoundError("account-not-found");
    const [pack] = await tx.db
      .insert(packs)
      .values({
        accountId: input.accountId,
        api: spec.api,
        packSpec: spec.id,
        size: spec.calls,
        remaining: spec.calls,
        source: "gift",
        promotionNoRefund: true,
        deliveredAt: tx.now,
        expiresAt: packExpiresAt(tx.now),
        createdAt: tx.now,
      })
      .returning({ id: packs.id });
    if (!pack) throw new Error("pack insert returned nothing");
    await recordAudit(tx, { action: "packs.gift-granted", accountId: input.accountId, target: pack.id, after: { pack: spec.id } });
    return { packId: pack.id };
  });
}
