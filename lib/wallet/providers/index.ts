import "server-only";
import { createHmac } from "node:crypto";
import { resolveAuthSecret } from "@/lib/security/secret";
import { sandboxPaymentsEnabled } from "./config";
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

/** The providers this server accepts payments from, as configured by PAYMENT_PROVIDER. A real provider is added here. */
export function paymentProvider(id: string): PaymentProvider | null {
  if (id === "sandbox" && sandboxPaymentsEnabled()) return sandboxProvider(sandboxSecret());
  return null;
}

/** The provider new top-ups go to, or null when online top-up is not configured. */
export function topUpProvider(): PaymentProvider | null {
  return paymentProvider("sandbox");
}
