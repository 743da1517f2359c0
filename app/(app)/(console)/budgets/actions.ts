"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { SpendFormState } from "@/components/spend/form-state";
import { defineAction, type Failure } from "@/lib/actions/define";
import { saveBalanceAlert } from "@/lib/budgets/balance-alert";
import { deleteBudget, saveBudget } from "@/lib/budgets/budgets";
import { balanceAlertInput, budgetInput, parseThresholdList } from "@/lib/budgets/schemas";

/** The message that names each field of the budget forms. */
const fieldErrors: Record<string, string> = { amount: "budget-amount", thresholds: "budget-thresholds", threshold: "balance-threshold" };

const spendFailure = ({ error, field }: { error: string; field?: string }): SpendFormState => ({ error, field });

/**
 * The threshold list is refused as a whole, naming the first entry at fault: "abc" is never read as
 * something else, and the customer sees which one to fix (issue 19 item 4).
 */
function budgetFailure(failure: Failure, _prev: SpendFormState, formData: FormData): SpendFormState {
  if (failure.field !== "thresholds") return spendFailure(failure);
  const entries = String(formData.get("thresholds") ?? "").split(/[,，\s]+/).filter((part) => part !== "");
  const bad = entries.find((part) => !/^\d+$/.test(part) || Number(part) < 1 || Number(part) > 1000);
  const rule = bad !== undefined ? { error: "budget-threshold-entry", params: { entry: bad.slice(0, 40) } } : { error: "budget-thresholds" };
  return { ...rule, field: "thresholds", fieldErrors: { ...failure.fieldErrors, thresholds: rule } };
}

export const saveBudgetAction = defineAction({
  name: "budgets#saveBudgetAction",
  audience: "customer",
  writes: true,
  input: budgetInput,
  from: (_prev: SpendFormState, formData: FormData) => ({
    scope: formData.get("scope"),
    amount: String(formData.get("amount") ?? ""),
    thresholds: parseThresholdList(String(formData.get("thresholds") ?? "")),
  }),
  invalid: (field) => {
    const name = field.split(".")[0] || "amount";
    return { error: fieldErrors[name] ?? "invalid-field", field: name };
  },
  fail: budgetFailure,
  run: async ({ ctx, input }): Promise<SpendFormState> => {
    await saveBudget({ ctx, input });
    revalidatePath("/budgets");
    return { saved: true };
  },
});

export const deleteBudgetAction = defineAction({
  name: "budgets#deleteBudgetAction",
  audience: "customer",
  writes: true,
  // A malformed id is "not found", never a database error.
  input: z.object({ id: z.uuid() }),
  from: (_prev: SpendFormState, formData: FormData) => ({ id: String(formData.get("id") ?? "") }),
  invalid: () => ({ error: "budget-not-found" }),
  fail: spendFailure,
  run: async ({ ctx, input }): Promise<SpendFormState> => {
    await deleteBudget({ ctx, input });
    revalidatePath("/budgets");
    return { saved: true };
  },
});

export const saveBalanceAlertAction = defineAction({
  name: "budgets#saveBalanceAlertAction",
  audience: "customer",
  writes: true,
  input: balanceAlertInput,
  from: (_prev: SpendFormState, formData: FormData) => ({ enabled: formData.get("enabled") === "on", threshold: String(formData.get("threshold") ?? "") }),
  invalid: () => ({ error: "balance-threshold", field: "threshold" }),
  fail: spendFailure,
  run: async ({ ctx, input }): Promise<SpendFormState> => {
    await saveBalanceAlert({ ctx, input });
    revalidatePath("/budgets");
    return { saved: true };
  },
});
