"use server";

import { redirect } from "next/navigation";
import type { TopUpFormState } from "@/components/wallet/top-up-form";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { safeReturnPath } from "@/lib/auth/redirect-target";
import { topUpProvider } from "@/lib/wallet/providers";
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
    const result = await createTopUp({ ctx, input: { amount: input.amount }, provider, returnUrl: input.back });
    redirect(result.redirectUrl);
  },
});
