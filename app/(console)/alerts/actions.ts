"use server";

import { revalidatePath } from "next/cache";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { thresholdInput, updateThreshold } from "@/lib/metering/thresholds";

export interface ThresholdState {
  error?: string;
  field?: string;
  saved?: number;
}

export async function updateThresholdAction(_prev: ThresholdState, formData: FormData): Promise<ThresholdState> {
  const customer = await requireCustomer("/alerts");
  const raw = String(formData.get("lowPercent") ?? "").trim();
  // An empty or non-numeric entry reaches zod as NaN, so it is refused with the field named.
  const parsed = thresholdInput.safeParse({ product: formData.get("product"), lowPercent: /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "lowPercent");
    return { error: field === "lowPercent" ? "threshold-range" : "invalid-field", field };
  }
  const ctx = await customerContext(customer);
  const result = await runService(() => updateThreshold({ ctx, input: parsed.data }));
  if (!result.ok) return { error: result.error, field: result.field };
  revalidatePath("/alerts");
  return { saved: result.value.lowPercent };
}
