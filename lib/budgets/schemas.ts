import { z } from "zod";
import { PRODUCT_IDS } from "@/lib/pricing";

export const budgetScopes = ["account", ...PRODUCT_IDS] as const;

/** Money as typed: a positive amount of yuan with at most two decimals, up to ¥1,000,000,000,000. */
const amountText = (field: string) =>
  z
    .string({ error: `${field} must be an amount of yuan, e.g. 100 or 99.50` })
    .trim()
    .transform((text) => text.replace(/[,，\s]/g, ""))
    .refine((text) => /^\d{1,13}(\.\d{1,2})?$/.test(text), { error: `${field} must be an amount of yuan with at most two decimals, e.g. 100 or 99.50` })
    .refine((text) => Number(text) > 0, { error: `${field} must be more than 0` });

export const budgetInput = z.object({
  scope: z.enum(budgetScopes, { error: "scope must be account or one of scan, recognition, processing, body" }),
  amount: amountText("amount"),
  thresholds: z
    .array(z.number({ error: "thresholds must be whole percentages from 1 to 1000" }).int({ error: "thresholds must be whole percentages from 1 to 1000" }).min(1, { error: "thresholds must be whole percentages from 1 to 1000" }).max(1000, { error: "thresholds must be whole percentages from 1 to 1000" }), {
      error: "thresholds must be a list of percentages",
    })
    .min(1, { error: "thresholds: give at least one percentage" })
    .max(6, { error: "thresholds: at most six percentages" })
    .transform((values) => [...new Set(values)].sort((a, b) => a - b)),
});
export type BudgetInput = z.infer<typeof budgetInput>;

export const balanceAlertInput = z.object({
  enabled: z.boolean({ error: "enabled must be true or false" }),
  threshold: amountText("threshold"),
});
export type BalanceAlertInput = z.infer<typeof balanceAlertInput>;

/** "50, 80, 100" → [50, 80, 100]; anything that is not a whole number reaches zod as NaN and is refused there. */
export function parseThresholdList(text: string): number[] {
  return text
    .split(/[,，\s]+/)
    .filter((part) => part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}
