"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { SandboxPayState } from "@/components/wallet/sandbox-pay-form";
import { defineAction } from "@/lib/actions/define";
import { returnPathWith, safeReturnPath } from "@/lib/auth/redirect-target";
import { sandboxPaymentsEnabled } from "@/lib/wallet/providers/config";
import { paySandboxOrder } from "@/lib/wallet/sandbox-checkout";

/**
 * Plays the provider's part: the signed-in owner confirmed on the sandbox page, so the order is
 * confirmed (in-process, see paySandboxOrder) and the customer is sent back to a path on our origin.
 * Anyone but the order's owner — a stranger, staff, a support view, a malformed id, the sandbox off —
 * gets the same 404; a signed-out visitor is sent to sign in first.
 */
export const sandboxPayAction = defineAction({
  name: "sandbox#sandboxPayAction",
  audience: "customer",
  writes: true,
  refusal: "not-found",
  input: z.object({ orderId: z.uuid(), back: z.string() }),
  from: (_prev: SandboxPayState, formData: FormData) => ({ orderId: String(formData.get("orderId") ?? ""), back: safeReturnPath(formData.get("return"), "/balance") }),
  invalid: () => ({ error: "top-up-not-found" }),
  fail: ({ error }, _prev, formData): SandboxPayState => {
    if (!sandboxPaymentsEnabled()) notFound();
    if (error === "sign-in-required") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/sandbox/checkout/${encodeURIComponent(String(formData.get("orderId") ?? ""))}`)}`);
    if (error === "top-up-not-found" || error === "forbidden" || error === "forbidden-role" || error === "read-only-impersonation") notFound();
    return { error };
  },
  run: async ({ ctx, input }): Promise<SandboxPayState> => {
    if (!sandboxPaymentsEnabled()) notFound();
    const paid = await paySandboxOrder({ ctx, input: { orderId: input.orderId } });
    redirect(returnPathWith(input.back, { topup: paid.orderId }, "/balance"));
  },
});
