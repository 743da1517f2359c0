"use server";

import { redirect } from "next/navigation";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import type { ErrorParams } from "@/lib/context/errors";
import { purchase } from "@/lib/purchases/purchase";
import { purchaseInput } from "@/lib/purchases/schemas";

export interface PurchaseState {
  error?: string;
  params?: ErrorParams;
}

function optional(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
}

export async function purchaseAction(_prev: PurchaseState, formData: FormData): Promise<PurchaseState> {
  const customer = await requireCustomer("/checkout");
  const appName = optional(formData, "appName");
  const parsed = purchaseInput.safeParse({
    idempotencyKey: formData.get("idempotencyKey"),
    item: formData.get("item"),
    quantity: formData.get("quantity"),
    period: optional(formData, "period"),
    periods: optional(formData, "periods"),
    voucherId: optional(formData, "voucherId"),
    app: appName ? { name: appName, iosBundleId: optional(formData, "iosBundleId"), androidPackage: optional(formData, "androidPackage") } : undefined,
  });
  if (!parsed.success) return { error: "invalid-input" };
  const ctx = await customerContext(customer);
  const result = await runService(() => purchase({ ctx, input: parsed.data }));
  if (!result.ok) return { error: result.error, params: result.params };
  redirect(`/checkout/done/${result.value.purchaseId}`);
}
