"use server";

import { revalidatePath } from "next/cache";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { activateProduct, activationInput } from "@/lib/packs/activation";

export interface ActivateState {
  error?: string;
  activated?: string;
}

export async function activateAction(_prev: ActivateState, formData: FormData): Promise<ActivateState> {
  const customer = await requireCustomer("/services");
  const parsed = activationInput.safeParse({ product: formData.get("product"), acceptTerms: formData.get("acceptTerms") === "on" });
  if (!parsed.success) return { error: "terms-required" };
  const ctx = await customerContext(customer);
  const result = await runService(() => activateProduct({ ctx, input: parsed.data }));
  if (!result.ok) return { error: result.error };
  revalidatePath("/services");
  return { activated: parsed.data.product };
}
