"use server";

import { redirect } from "next/navigation";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { topUpProvider } from "@/lib/wallet/providers";
import { topUpInput } from "@/lib/wallet/schemas";
import { createTopUp } from "@/lib/wallet/top-up";

export interface TopUpFormState {
  error?: string;
  amount?: string;
}

export async function topUpAction(_prev: TopUpFormState, formData: FormData): Promise<TopUpFormState> {
  const customer = await requireCustomer("/balance");
  const amount = String(formData.get("amount") ?? "");
  const parsed = topUpInput.safeParse({ amount });
  if (!parsed.success) return { error: "invalid-amount", amount };
  const provider = topUpProvider();
  if (!provider) return { error: "top-up-not-configured", amount };
  const ctx = await customerContext(customer);
  const result = await runService(() => createTopUp({ ctx, input: parsed.data, provider, returnUrl: "/balance" }));
  if (!result.ok) return { error: result.error, amount };
  redirect(result.value.redirectUrl);
}
