"use server";

import { redirect } from "next/navigation";
import type { PurchaseState } from "@/components/checkout/checkout-form";
import { defineAction, optionalField } from "@/lib/actions/define";
import { purchase } from "@/lib/purchases/purchase";
import { purchaseInput } from "@/lib/purchases/schemas";

export const purchaseAction = defineAction({
  name: "checkout#purchaseAction",
  audience: "customer",
  writes: true,
  input: purchaseInput,
  from: (_prev: PurchaseState, formData: FormData) => {
    const appName = optionalField(formData, "appName");
    return {
      idempotencyKey: formData.get("idempotencyKey"),
      item: formData.get("item"),
      quantity: formData.get("quantity"),
      period: optionalField(formData, "period"),
      periods: optionalField(formData, "periods"),
      voucherId: optionalField(formData, "voucherId"),
      quoteId: optionalField(formData, "quoteId"),
      app: appName ? { name: appName, iosBundleId: optionalField(formData, "iosBundleId"), androidPackage: optionalField(formData, "androidPackage") } : undefined,
    };
  },
  invalid: () => ({ error: "invalid-input" }),
  fail: ({ error, params }): PurchaseState => ({ error, params }),
  run: async ({ ctx, input }): Promise<PurchaseState> => {
    const result = await purchase({ ctx, input });
    redirect(`/checkout/done/${result.purchaseId}`);
  },
});
