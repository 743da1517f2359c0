"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { refundInput, requestRefund } from "@/lib/refunds/request";

export interface RefundState {
  error?: string;
  reason?: string;
}

export async function refundAction(_prev: RefundState, formData: FormData): Promise<RefundState> {
  const customer = await requireCustomer("/packs");
  const parsed = refundInput.safeParse({ packId: formData.get("packId") });
  if (!parsed.success) return { error: "pack-not-found" };
  const ctx = await customerContext(customer);
  const result = await runService(() => requestRefund({ ctx, input: parsed.data }));
  if (!result.ok) return { error: result.error, reason: typeof result.params?.reason === "string" ? result.params.reason : undefined };
  revalidatePath("/balance");
  revalidatePath("/refunds");
  // The page says what happened (the row itself now reads "Refunded" or "Refund in review").
  redirect(`/packs?refund=${result.value.refundId}`);
}
