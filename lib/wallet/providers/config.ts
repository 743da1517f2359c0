/**
 * Which payment provider takes top-ups (issue 9 item 1). `PAYMENT_PROVIDER=sandbox` turns on the
 * sandbox (fake money: for demos and tests); `none` turns online top-up off. Unset, the sandbox is on
 * only for the embedded demo database: a deployment on PostgreSQL (DATABASE_URL set) must ask for it
 * explicitly, so a production console never hands out free money by default. A real provider (WeChat
 * Pay, Alipay) is added here and in ./index.ts; see docs/security.md.
 */
export type PaymentProviderId = "sandbox";

const VALUES = ["sandbox", "none"] as const;

type Env = Record<string, string | undefined>;

export function configuredPaymentProvider(env: Env = process.env): PaymentProviderId | null {
  const raw = env.PAYMENT_PROVIDER?.trim();
  if (!raw) return env.DATABASE_URL ? null : "sandbox";
  if (!(VALUES as readonly string[]).includes(raw)) throw new Error(`PAYMENT_PROVIDER must be one of ${VALUES.join(", ")} or unset; got "${raw}"`);
  return raw === "sandbox" ? "sandbox" : null;
}

/** Whether the sandbox provider's pages, action and callback exist on this server (they answer 404 otherwise). */
export function sandboxPaymentsEnabled(env: Env = process.env): boolean {
  try {
    return configuredPaymentProvider(env) === "sandbox";
  } catch {
    // A misconfigured value fails `npm start` loudly; at request time it means "off", never "on".
    return false;
  }
}
