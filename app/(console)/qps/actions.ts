"use server";

import { revalidatePath } from "next/cache";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import type { ErrorParams } from "@/lib/context/errors";
import { switchQpsMode } from "@/lib/quota/mode";
import { requestQpsIncrease } from "@/lib/quota/requests";
import { qpsIncreaseInput, qpsModeInput } from "@/lib/quota/schemas";

export interface QuotaFormState {
  error?: string;
  params?: ErrorParams;
  done?: boolean;
}

export async function switchModeAction(_prev: QuotaFormState, formData: FormData): Promise<QuotaFormState> {
  const customer = await requireCustomer("/qps");
  const parsed = qpsModeInput.safeParse({ group: formData.get("group"), mode: formData.get("mode") });
  if (!parsed.success) return { error: "invalid-input" };
  const ctx = await customerContext(customer);
  const result = await runService(() => switchQpsMode({ ctx, input: parsed.data }));
  if (!result.ok) return { error: result.error, params: result.params };
  revalidatePath("/qps");
  return { done: true };
}

export async function requestMoreQpsAction(_prev: QuotaFormState, formData: FormData): Promise<QuotaFormState> {
  const customer = await requireCustomer("/qps");
  const neededBy = String(formData.get("neededBy") ?? "");
  const parsed = qpsIncreaseInput.safeParse({
    group: formData.get("group"),
    totalQps: formData.get("totalQps"),
    // A date on the billing calendar: midnight in Asia/Shanghai.
    neededBy: /^\d{4}-\d{2}-\d{2}$/.test(neededBy) ? `${neededBy}T00:00:00+08:00` : "",
    note: formData.get("note") ?? "",
  });
  if (!parsed.success) return { error: "invalid-qps-request" };
  const ctx = await customerContext(customer);
  const result = await runService(() => requestQpsIncrease({ ctx, input: parsed.data }));
  if (!result.ok) return { error: result.error, params: result.params };
  revalidatePath("/qps");
  return { done: true };
}
