"use server";

import { revalidatePath } from "next/cache";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { refundInput, requestRefund, type RefundOutcome } from "@/lib/refunds/request";

export interface RefundState {
  error?: string;
  reason?: string;
  outcome?: RefundOutcome;
}

export async function refundAction(_prev: RefundState, formData: FormData): Promise<RefundState> {
  const customer = await requireCustomer("/packs");
  const parsed = refundInput.safeParse({ packId: formData.get("packId") });
  if (!parsed.success) return { error: "pack-not-found" };
  const ctx = await customerContext(customer);
  const result = await runService(() => requestRefund({ ctx, input: parsed.data }));
  if (!result.ok) return { error: result.error, reason: typeof result.params?.reason === "string" ? result.params.reason : undefined };
  revalidatePath("/packs");
  revalidatePath("/balance");
  revalidatePath("/refunds");
  return { outcome: result.value };
}
