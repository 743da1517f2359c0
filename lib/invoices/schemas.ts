import { z } from "zod";
import { emailSchema } from "@/lib/identity/schemas";
import { isMonth } from "@/lib/pricing";
import { amountSchema } from "@/lib/wallet/schemas";
import { isTaxpayerId, normalizeTaxId } from "./tax-id";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const titleInput = z.object({
  companyName: z.string().trim().min(2).max(100),
  taxId: z
    .string()
    .transform(normalizeTaxId)
    .refine(isTaxpayerId, "not a taxpayer id: 18-character unified social credit code, or 15, 17 or 20 characters"),
  address: optionalText(200),
  phone: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^[0-9+\-() ]{5,40}$/.test(v), "not a phone number"),
  bankName: optionalText(100),
  bankAccount: z
    .string()
    .nullish()
    .transform((v) => (v ? v.replace(/\s/g, "") : null))
    .refine((v) => v === null || /^\d{6,34}$/.test(v), "not a bank account number"),
});
export type TitleInput = z.input<typeof titleInput>;

export const invoiceRequestInput = z
  .object({
    titleId: z.uuid(),
    type: z.enum(["normal", "special"]),
    basis: z.enum(["month", "orders"]),
    month: z.string().refine(isMonth, "expected YYYY-MM").optional(),
    amount: amountSchema.optional(),
    orderIds: z.array(z.uuid()).max(100).optional(),
    email: emailSchema,
  })
  .superRefine((v, ctx) => {
    if (v.basis === "month" && !v.month) ctx.addIssue({ code: "custom", path: ["month"], message: "a month is required" });
    if (v.basis === "month" && !v.amount) ctx.addIssue({ code: "custom", path: ["amount"], message: "an amount is required" });
    if (v.basis === "orders" && !v.orderIds?.length) ctx.addIssue({ code: "custom", path: ["orderIds"], message: "choose at least one order" });
  });
export type InvoiceRequestInput = z.input<typeof invoiceRequestInput>;

export const reversalInput = z.object({ invoiceId: z.uuid(), reason: z.string().trim().min(5).max(500) });
