import { z } from "zod";
import { PRODUCT_IDS, toDec } from "@/lib/pricing";

/** Largest single top-up or credit; a guard against a typo of a few extra zeros, not a business rule. */
export const MAX_MONEY_MOVE = "10000000";

/** A positive amount of 元 with at most two decimals, kept as a string (never a JS number). */
const MONEY_TEXT = /^\d{1,9}(\.\d{1,2})?$/;

export const amountSchema = z
  .string()
  .trim()
  .refine((value) => MONEY_TEXT.test(value) && toDec(value).greaterThan(0) && toDec(value).lessThanOrEqualTo(MAX_MONEY_MOVE), "expected an amount in yuan above 0 with at most two decimals, at most 10000000");

export const topUpInput = z.object({ amount: amountSchema });
export type TopUpInput = z.infer<typeof topUpInput>;

export const creditInput = z.object({
  accountId: z.uuid(),
  amount: amountSchema,
  to: z.enum(["cash", "gift"]),
  reason: z.string().trim().min(1).max(500),
});
export type CreditInput = z.infer<typeof creditInput>;

export const voucherGrantInput = z.object({
  accountId: z.uuid(),
  amount: amountSchema,
  products: z.array(z.enum(PRODUCT_IDS)).min(1),
  expiresAt: z.date(),
  reason: z.string().trim().min(1).max(500),
});
export type VoucherGrantInput = z.infer<typeof voucherGrantInput>;
