import "server-only";
import { createHmac } from "node:crypto";
import { resolveAuthSecret } from "@/lib/security/secret";
import { appUrl } from "@/lib/security/app-url";
import { alipayProvider, ALIPAY_PROVIDER_ID } from "./alipay";
import { alipayConfig } from "./alipay-config";
import { alipayPaymentsEnabled, sandboxPaymentsEnabled } from "./config";
import { sandboxProvider } from "./sandbox";
import type { PaymentProvider } from "./types";

/**
 * The sandbox's callback secret: SANDBOX_PAYMENT_SECRET, or derived from the server's session
 * secret so a bare `npm start` works. Derived (not the session secret itself) so that knowing one
 * never gives the other.
 */
export function sandboxSecret(): string {
  return process.env.SANDBOX_PAYMENT_SECRET || createHmac("sha256", resolveAuthSecret()).update("sandbox-payment-callbacks").digest("hex");
}

/** The providers this server accepts payments from, as configured by PAYMENT_PROVIDER. The next real provider is added here. */
export function paymentProvider(id: string): PaymentProvider | null {
  if (id === "sandbox" && sandboxPaymentsEnabled()) return sandboxProvider(sandboxSecret());
  if (id === ALIPAY_PROVIDER_ID && alipayPaymentsEnabled()) return alipayProvider(alipayConfig(process.env, appUrl()));
  return null;
}

/** The provider new top-ups go to, or null when online top-up is not configured. */
export function topUpProvider(): PaymentProvider | null {
  return paymentProvider("sandbox") ?? paymentProvider(ALIPAY_PROVIDER_ID);
}

/** How long an order of this provider stays payable (null: no expiry, the sandbox). */
export function orderTimeoutMinutes(provider: PaymentProvider): number | null {
  return provider.id === ALIPAY_PROVIDER_ID ? alipayConfig(process.env, appUrl()).orderTimeoutMinutes : null;
}
