import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { alertThresholds } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { DEFAULT_ALERT_THRESHOLDS, PRODUCT_IDS, type ProductId } from "@/lib/pricing";

/** SPEC §5 "customers may change thresholds": a low-remaining percent 1–99 (the 0 alert always applies). */
export const thresholdInput = z.object({
  product: z.enum(PRODUCT_IDS, { error: "product must be one of scan, recognition, processing, body" }),
  lowPercent: z
    .number({ error: "lowPercent must be a whole number from 1 to 99" })
    .int({ error: "lowPercent must be a whole number from 1 to 99" })
    .min(1, { error: "lowPercent must be a whole number from 1 to 99" })
    .max(99, { error: "lowPercent must be a whole number from 1 to 99" }),
});
export type ThresholdInput = z.infer<typeof thresholdInput>;

export interface ProductThreshold {
  product: ProductId;
  lowPercent: number;
  /** The SPEC §5 default for the product, shown beside a customer's own choice. */
  defaultPercent: number;
  isDefault: boolean;
  updatedAt: Date | null;
}

/** The SPEC §5 default low threshold: scan 20, body 15, the others 20 (the documents set none). */
export function defaultLowPercent(product: ProductId): number {
  return DEFAULT_ALERT_THRESHOLDS[product].find((percent) => percent > 0) ?? 20;
}

export async function listThresholds({ ctx }: { ctx: ServiceContext }): Promise<ProductThreshold[]> {
  const rows = await ctx.db.select().from(alertThresholds).where(eq(alertThresholds.accountId, accountOf(ctx.actor)));
  return PRODUCT_IDS.map((product) => {
    const row = rows.find((r) => r.product === product);
    const defaultPercent = defaultLowPercent(product);
    return { product, lowPercent: row?.lowPercent ?? defaultPercent, defaultPercent, isDefault: !row, updatedAt: row?.updatedAt ?? null };
  });
}

/**
 * Sets a product's low-remaining threshold. Packs already past the new threshold are not alerted
 * again: alerts fire as a draw crosses a threshold (lib/metering/pack-alerts.ts).
 */
export async function updateThreshold({ ctx, input }: { ctx: ServiceContext; input: ThresholdInput }): Promise<ProductThreshold> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select({ lowPercent: alertThresholds.lowPercent })
      .from(alertThresholds)
      .where(and(eq(alertThresholds.accountId, accountId), eq(alertThresholds.product, input.product)));
    await tx.db
      .insert(alertThresholds)
      .values({ accountId, product: input.product, lowPercent: input.lowPercent, updatedAt: tx.now })
      .onConflictDoUpdate({ target: [alertThresholds.accountId, alertThresholds.product], set: { lowPercent: input.lowPercent, updatedAt: tx.now } });
    await recordAudit(tx, {
      action: "alerts.thresholds-update",
      accountId,
      target: input.product,
      before: { lowPercent: before?.lowPercent ?? defaultLowPercent(input.product), isDefault: !before },
      after: { lowPercent: input.lowPercent },
    });
    const defaultPercent = defaultLowPercent(input.product);
    return { product: input.product, lowPercent: input.lowPercent, defaultPercent, isDefault: false, updatedAt: tx.now };
  });
}
