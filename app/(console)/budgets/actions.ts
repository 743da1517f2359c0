"use server";

import { revalidatePath } from "next/cache";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { saveBalanceAlert } from "@/lib/budgets/balance-alert";
import { deleteBudget, saveBudget } from "@/lib/budgets/budgets";
import { balanceAlertInput, budgetInput, parseThresholdList } from "@/lib/budgets/schemas";

export interface SpendFormState {
  error?: string;
  field?: string;
  saved?: boolean;
}

const fieldErrors: Record<string, string> = { amount: "budget-amount", thresholds: "budget-thresholds", threshold: "balance-threshold" };

export async function saveBudgetAction(_prev: SpendFormState, formData: FormData): Promise<SpendFormState> {
  const customer = await requireCustomer("/budgets");
  const parsed = budgetInput.safeParse({
    scope: formData.get("scope"),
    amount: String(formData.get("amount") ?? ""),
    thresholds: parseThresholdList(String(formData.get("thresholds") ?? "")),
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "amount");
    return { error: fieldErrors[field] ?? "invalid-field", field };
  }
  const ctx = await customerContext(customer);
  const result = await runService(() => saveBudget({ ctx, input: parsed.data }));
  if (!result.ok) return { error: result.error, field: result.field };
  revalidatePath("/budgets");
  return { saved: true };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function deleteBudgetAction(_prev: SpendFormState, formData: FormData): Promise<SpendFormState> {
  const customer = await requireCustomer("/budgets");
  const id = String(formData.get("id") ?? "");
  // A malformed id is "not found", never a database error.
  if (!UUID.test(id)) return { error: "budget-not-found" };
  const ctx = await customerContext(customer);
  const result = await runService(() => deleteBudget({ ctx, input: { id } }));
  if (!result.ok) return { error: result.error };
  revalidatePath("/budgets");
  return { saved: true };
}

export async function saveBalanceAlertAction(_prev: SpendFormState, formData: FormData): Promise<SpendFormState> {
  const customer = await requireCustomer("/budgets");
  const parsed = balanceAlertInput.safeParse({ enabled: formData.get("enabled") === "on", threshold: String(formData.get("threshold") ?? "") });
  if (!parsed.success) return { error: "balance-threshold", field: "threshold" };
  const ctx = await customerContext(customer);
  const result = await runService(() => saveBalanceAlert({ ctx, input: parsed.data }));
  if (!result.ok) return { error: result.error, field: result.field };
  revalidatePath("/budgets");
  return { saved: true };
}
