"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { safeReturnPath } from "@/lib/auth/redirect-target";
import { now } from "@/lib/clock";
import { sandboxProviderOrderId, sandboxCallback } from "@/lib/wallet/providers/sandbox";
import { sandboxSecret } from "@/lib/wallet/providers";
import { findTopUpOrder } from "@/lib/wallet/top-up";
import { formatMoney } from "@/lib/pricing";

export interface SandboxPayState {
  error?: string;
}

/**
 * Plays the provider's part: the customer confirmed on the sandbox page, so the "provider" posts its
 * signed notice to the console's callback URL over HTTP, like WeChat Pay or Alipay would, then sends
 * the customer back.
 */
export async function sandboxPayAction(_prev: SandboxPayState, formData: FormData): Promise<SandboxPayState> {
  const orderId = String(formData.get("orderId") ?? "");
  const back = safeReturnPath(formData.get("return"), "/balance");
  const order = /^[0-9a-f-]{36}$/.test(orderId) ? await findTopUpOrder({ db: await getDb(), actor: { type: "system", reason: "sandbox" }, now: now() }, orderId) : null;
  if (!order) return { error: "top-up-not-found" };
  if (order.status !== "paid") {
    const h = await headers();
    const host = h.get("host") ?? "127.0.0.1";
    const proto = h.get("x-forwarded-proto") ?? "http";
    const { body, headers: signed } = sandboxCallback(sandboxSecret(), {
      orderId: order.id,
      providerOrderId: sandboxProviderOrderId(order.id),
      amount: formatMoney(order.amount),
      status: "paid",
    });
    const response = await fetch(`${proto}://${host}/api/payments/sandbox/callback`, { method: "POST", body, headers: signed }).catch(() => null);
    if (!response?.ok) return { error: "payment-callback-failed" };
  }
  redirect(`${back}${back.includes("?") ? "&" : "?"}topup=${order.id}`);
}
