"use server";

import { notFound, redirect } from "next/navigation";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomerOrNotFound } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/redirect-target";
import { sandboxPaymentsEnabled } from "@/lib/wallet/providers/config";
import { paySandboxOrder } from "@/lib/wallet/sandbox-checkout";

export interface SandboxPayState {
  error?: string;
}

/**
 * Plays the provider's part: the signed-in owner confirmed on the sandbox page, so the order is
 * confirmed (in-process, see paySandboxOrder) and the customer is sent back to a path on our origin.
 */
export async function sandboxPayAction(_prev: SandboxPayState, formData: FormData): Promise<SandboxPayState> {
  if (!sandboxPaymentsEnabled()) notFound();
  const orderId = String(formData.get("orderId") ?? "");
  const customer = await requireCustomerOrNotFound(`/sandbox/checkout/${encodeURIComponent(orderId)}`);
  const back = safeReturnPath(formData.get("return"), "/balance");
  const result = await runService(async () => paySandboxOrder({ ctx: await customerContext(customer), input: { orderId } }));
  if (!result.ok) {
    if (result.error === "top-up-not-found") notFound();
    return { error: result.error };
  }
  redirect(`${back}${back.includes("?") ? "&" : "?"}topup=${result.value.orderId}`);
}
