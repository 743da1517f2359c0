import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { CheckoutRequest, CheckoutSession, PaymentNotice, PaymentProvider } from "./types";

export const SANDBOX_PROVIDER_ID = "sandbox";
export const SANDBOX_SIGNATURE_HEADER = "x-sandbox-signature";

const noticeSchema = z.object({
  providerOrderId: z.string().min(1).max(200),
  orderId: z.uuid(),
  amount: z.string().regex(/^\d{1,12}\.\d{2}$/),
  status: z.literal("paid"),
});

export function signSandboxBody(secret: string, rawBody: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

/** The sandbox provider's id for an order: deterministic, so a retried checkout reuses it. */
export function sandboxProviderOrderId(orderId: string): string {
  return `sbx_${orderId.replaceAll("-", "")}`;
}

/**
 * The sandbox payment provider: its "checkout" is the console's own /sandbox/checkout/[orderId]
 * page (labelled SANDBOX), and it notifies the console with an HMAC-SHA256-signed JSON callback,
 * like a real provider would, so the whole top-up path runs for real without moving money.
 */
export function sandboxProvider(secret: string): PaymentProvider & Required<Pick<PaymentProvider, "verifyCallback">> {
  return {
    id: SANDBOX_PROVIDER_ID,
    async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
      return {
        providerOrderId: sandboxProviderOrderId(request.orderId),
        redirectUrl: `/sandbox/checkout/${request.orderId}?return=${encodeURIComponent(request.returnUrl)}`,
        channel: null,
      };
    },
    verifyCallback(rawBody: string, headers: Headers): PaymentNotice | null {
      const given = headers.get(SANDBOX_SIGNATURE_HEADER) ?? "";
      const expected = signSandboxBody(secret, rawBody);
      const a = Buffer.from(given, "utf8");
      const b = Buffer.from(expected, "utf8");
      if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        return null;
      }
      const notice = noticeSchema.safeParse(parsed);
      return notice.success ? notice.data : null;
    },
  };
}

/** The body and headers the sandbox sends when the customer confirms its checkout. */
export function sandboxCallback(secret: string, notice: PaymentNotice): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(notice);
  return { body, headers: { "content-type": "application/json", [SANDBOX_SIGNATURE_HEADER]: signSandboxBody(secret, body) } };
}
