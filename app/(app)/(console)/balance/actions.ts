"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { TopUpFormState } from "@/components/wallet/top-up-form";
import { defineAction } from "@/lib/actions/define";
import { orderTimeoutMinutes, topUpProvider } from "@/lib/wallet/providers";
import { topUpInput } from "@/lib/wallet/schemas";
import { createTopUp } from "@/lib/wallet/top-up";

export const topUpAction = defineAction({
  name: "balance#topUpAction",
  audience: "customer",
  writes: true,
  input: topUpInput,
  from: (_prev: TopUpFormState, formData: FormData) => ({ amount: String(formData.get("amount") ?? "") }),
  invalid: () => ({ error: "invalid-amount" }),
  fail: ({ error }, _prev, formData): TopUpFormState => ({ error, amount: String(formData.get("amount") ?? "") }),
  run: async ({ ctx, input }): Promise<TopUpFormState> => {
    // PAYMENT_PROVIDER decides whether online top-up exists at all (docs/security.md).
    const provider = topUpProvider();
    if (!provider) return { error: "top-up-not-configured", amount: input.amount };
    // A phone gets the provider's mobile page (Alipay wap pay); the User-Agent is only a layout hint.
    const device = /Mobile|Android|iPhone|iPad/i.test((await headers()).get("user-agent") ?? "") ? "phone" : "desktop";
    // The sandbox comes back to the balance page as before; a real provider to the order's own page,
    // which asks the provider for the true state (docs/payments.md).
    const returnUrl = provider.id === "sandbox" ? "/balance" : "/orders/{order}";
    const result = await createTopUp({ ctx, input, provider, returnUrl, device, timeoutMinutes: orderTimeoutMinutes(provider) });
    redirect(result.redirectUrl);
  },
});
