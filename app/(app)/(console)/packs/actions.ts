"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { RefundState } from "@/components/packs/refund-button";
import { defineAction } from "@/lib/actions/define";
import { refundInput, requestRefund } from "@/lib/refunds/request";

export const refundAction = defineAction({
  name: "packs#refundAction",
  audience: "customer",
  writes: true,
  input: refundInput,
  from: (_prev: RefundState, formData: FormData) => ({ packId: formData.get("packId") }),
  invalid: () => ({ error: "pack-not-found" }),
  fail: ({ error, params }): RefundState => ({ error, reason: typeof params?.reason === "string" ? params.reason : undefined }),
  run: async ({ ctx, input }): Promise<RefundState> => {
    const result = await requestRefund({ ctx, input });
    revalidatePath("/balance");
    revalidatePath("/refunds");
    // The page says what happened (the row itself now reads "Refunded" or "Refund in review").
    redirect(`/packs?refund=${result.refundId}`);
  },
});
