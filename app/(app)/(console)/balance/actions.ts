"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { TopUpFormState } from "@/components/wallet/top-up-form";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { safeReturnPath } from "@/lib/auth/redirect-target";
import { orderTimeoutMinutes, topUpProvider } from "@/lib/wallet/providers";
import { topUpInput } from "@/lib/wallet/schemas";
import { createTopUp } from "@/lib/wallet/top-up";

export const topUpAction = defineAction({
  name: "balance#topUpAction",
  audience: "customer",
  writes: true,
  // `back`: where the provider returns the customer (a checkout waiting for this money), made safe here.
  input: topUpInput.extend({ back: z.string() }),
  from: (_prev: TopUpFormState, formData: FormData) => ({ amount: String(formData.get("amount") ?? ""), back: safeReturnPath(formData.get("return"), "/balance") }),
  invalid: () => ({ error: "invalid-amount" }),
  // What was typed comes back with the refusal (defineAction adds it to every form's failure).
  fail: ({ error }): TopUpFormState => ({ error }),
  run: async ({ ctx, input }): Promise<TopUpFormState> => {
    // PAYMENT_PROVIDER decides whether online top-up exists at all (docs/security.md).
    const provider = topUpProvider();
    if (!provider) return { error: "top-up-not-configured", values: { amount: input.amount } };
    // A phone gets the provider's mobile page (Alipay wap pay); the User-Agent is only a layout hint.
    const device = /Mobile|Android|iPhone|iPad/i.test((await headers()).get("user-agent") ?? "") ? "phone" : "desktop";
    // The sandbox comes back where the customer came from (a checkout waiting for this money, else the
    // balance page); a real provider to the order's own page, which asks the provider for the true
    // state (docs/payments.md) and links back.
    const returnUrl = provider.id === "sandbox" ? input.back : "/orders/{order}";
    const result = await createTopUp({ ctx, input: { amount: input.amount }, provider, returnUrl, device, timeoutMinutes: orderTimeoutMinutes(provider) });
    redirect(result.redirectUrl);
  },
});
