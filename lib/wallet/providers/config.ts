import { appUrl } from "@/lib/security/app-url";
import { alipayConfig } from "./alipay-config";

/**
 * Which payment provider takes top-ups (issue 9 item 1, issue 20). `PAYMENT_PROVIDER=sandbox` turns
 * on the sandbox (fake money: for demos and tests); `alipay` takes real money through Alipay
 * (docs/payments.md); `none` turns online top-up off. Unset, the sandbox is on only for the
 * embedded demo database: a deployment on PostgreSQL (DATABASE_URL set) must ask for a provider
 * explicitly, so a production console never hands out free money by default. The next real
 * provider (WeChat Pay) is added here and in ./index.ts; see docs/payments.md.
 */
export type PaymentProviderId = "sandbox" | "alipay";

const VALUES = ["sandbox", "alipay", "none"] as const;

type Env = Record<string, string | undefined>;

export function configuredPaymentProvider(env: Env = process.env): PaymentProviderId | null {
  const raw = env.PAYMENT_PROVIDER?.trim();
  if (!raw) return env.DATABASE_URL ? null : "sandbox";
  if (!(VALUES as readonly string[]).includes(raw)) throw new Error(`PAYMENT_PROVIDER must be one of ${VALUES.join(", ")} or unset; got "${raw}"`);
  if (raw === "alipay") {
    // Checked here so `npm start` refuses a missing or malformed key before serving anything.
    alipayConfig(env, appUrl(env));
    return "alipay";
  }
  return raw === "sandbox" ? "sandbox" : null;
}

function enabled(id: PaymentProviderId, env: Env): boolean {
  try {
    return configuredPaymentProvider(env) === id;
  } catch {
    // A misconfigured value fails `npm start` loudly; at request time it means "off", never "on".
    return false;
  }
}

/** Whether the sandbox provider's pages, action and callback exist on this server (they answer 404 otherwise). */
export function sandboxPaymentsEnabled(env: Env = process.env): boolean {
  return enabled("sandbox", env);
}

/** Whether Alipay takes top-ups on this server (its notify route answers 404 otherwise). */
export function alipayPaymentsEnabled(env: Env = process.env): boolean {
  return enabled("alipay", env);
}
