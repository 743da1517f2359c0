"use server";

import { revalidatePath } from "next/cache";
import type { ActivateState } from "@/components/packs/activate-form";
import { defineAction } from "@/lib/actions/define";
import { activateProduct, activationInput } from "@/lib/packs/activation";

export const activateAction = defineAction({
  name: "services#activateAction",
  audience: "customer",
  writes: true,
  input: activationInput,
  from: (_prev: ActivateState, formData: FormData) => ({ product: formData.get("product"), acceptTerms: formData.get("acceptTerms") === "on" }),
  invalid: () => ({ error: "terms-required" }),
  fail: ({ error }): ActivateState => ({ error }),
  run: async ({ ctx, input }): Promise<ActivateState> => {
    await activateProduct({ ctx, input });
    revalidatePath("/services");
    return { activated: input.product };
  },
});
