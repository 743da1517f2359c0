import { z } from "zod";
import { appBindingSchema } from "@/lib/quota/schemas";

/** Most packs one purchase may hold: a guard on rows created, far above any real order. */
export const MAX_PACKS_PER_PURCHASE = 100;

export const purchaseItemSchema = z.object({
  item: z.string().trim().min(1).max(100),
  quantity: z.coerce.number().int().min(1).max(1_000_000),
  period: z.enum(["month", "day"]).optional(),
  periods: z.coerce.number().int().min(1).max(366).optional(),
  app: appBindingSchema.optional(),
  /** A formal offline-SDK licence is bought by paying support's quote (SPEC §2.7). */
  quoteId: z.uuid().optional(),
});
export type PurchaseItem = z.infer<typeof purchaseItemSchema>;

export const purchaseInput = purchaseItemSchema.extend({
  /** Generated when the checkout page renders; the same key charges once however often it is sent. */
  idempotencyKey: z.string().min(8).max(100),
  voucherId: z.uuid().optional(),
});
export type PurchaseInput = z.infer<typeof purchaseInput>;
