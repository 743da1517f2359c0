"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { quotaFailed, type QuotaFormState } from "@/components/quota/form-state";
import { defineAction } from "@/lib/actions/define";
import { NotFoundError } from "@/lib/context";
import { findTopUpOrder } from "@/lib/wallet/top-up";
import { abandonTopUp } from "@/lib/wallet/close-top-ups";
import { paymentProvider } from "@/lib/wallet/providers";

/** The customer abandons their own pending payment (issue 20): closed at the provider, then here. */
export const cancelPaymentAction = defineAction({
  name: "orders#cancelPaymentAction",
  audience: "customer",
  writes: true,
  input: z.object({ orderId: z.uuid() }),
  from: (_prev: QuotaFormState, formData: FormData) => ({ orderId: formData.get("orderId") }),
  invalid: () => ({ error: "invalid-input" }),
  fail: quotaFailed,
  run: async ({ ctx, input }): Promise<QuotaFormState> => {
    const order = await findTopUpOrder(ctx, input.orderId);
    const provider = order ? paymentProvider(order.provider) : null;
    if (!order || !provider) throw new NotFoundError("top-up-not-found");
    const { result } = await abandonTopUp({ ctx, input, provider });
    revalidatePath(`/orders/${input.orderId}`);
    return result === "paid-at-provider" ? { error: "top-up-paid-at-provider" } : { done: true };
  },
});
