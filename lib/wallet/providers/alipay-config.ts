import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";

/**
 * Alipay's configuration (issue 20, README "Configuration"): read and checked once, so a missing or
 * malformed key stops `npm start` with a message naming the variable instead of failing at the
 * first payment.
 */
export interface AlipayConfig {
  appId: string;
  /** Our application's RSA private key, PKCS#8 PEM (normalised from PKCS#1 or bare base64). */
  privateKey: string;
  /** Alipay's RSA public key (支付宝公钥), SPKI PEM. */
  alipayPublicKey: string;
  gateway: string;
  notifyUrl: string;
  /** Where Alipay sends the customer back; the order's own page is appended. */
  returnBase: string;
  /** An unpaid order closes this many minutes after it was created. */
  orderTimeoutMinutes: number;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_ALIPAY_GATEWAY = "https://openapi.alipay.com/gateway.do";
export const DEFAULT_ORDER_TIMEOUT_MINUTES = 30;

export class AlipayConfigError extends Error {}

/** PEM as given, or Alipay's key tool's bare base64 (one line, no header): tried as each type. */
function parseKey(name: string, raw: string | undefined, kind: "private" | "public"): KeyObject {
  const value = raw?.trim().replaceAll("\\n", "\n");
  if (!value) throw new AlipayConfigError(`${name} is required when PAYMENT_PROVIDER=alipay`);
  const candidates: Array<() => KeyObject> = value.includes("-----BEGIN")
    ? [() => (kind === "private" ? createPrivateKey(value) : createPublicKey(value))]
    : kind === "private"
      ? [
          () => createPrivateKey({ key: Buffer.from(value, "base64"), format: "der", type: "pkcs8" }),
          () => createPrivateKey({ key: Buffer.from(value, "base64"), format: "der", type: "pkcs1" }),
        ]
      : [() => createPublicKey({ key: Buffer.from(value, "base64"), format: "der", type: "spki" })];
  for (const attempt of candidates) {
    try {
      const key = attempt();
      if (key.asymmetricKeyType !== "rsa") throw new AlipayConfigError(`${name} must be an RSA key (RSA2), got ${key.asymmetricKeyType}`);
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      if (bits < 2048) throw new AlipayConfigError(`${name} must be an RSA key of at least 2048 bits (RSA2), got ${bits}`);
      return key;
    } catch (error) {
      if (error instanceof AlipayConfigError) throw error;
    }
  }
  throw new AlipayConfigError(`${name} is not a readable RSA ${kind} key (PEM, or the key tool's base64)`);
}

function parseUrl(name: string, raw: string): URL {
  try {
    const url = new URL(raw);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("protocol");
    return url;
  } catch {
    throw new AlipayConfigError(`${name} must be an http(s) URL; got "${raw}"`);
  }
}

export function alipayConfig(env: Env, appOrigin: string): AlipayConfig {
  const appId = env.ALIPAY_APP_ID?.trim() ?? "";
  if (!appId) throw new AlipayConfigError("ALIPAY_APP_ID is required when PAYMENT_PROVIDER=alipay");
  if (!/^\d{16}$/.test(appId)) throw new AlipayConfigError(`ALIPAY_APP_ID must be Alipay's 16-digit app id; got "${appId}"`);
  const privateKey = parseKey("ALIPAY_PRIVATE_KEY", env.ALIPAY_PRIVATE_KEY, "private").export({ format: "pem", type: "pkcs8" }).toString();
  const alipayPublicKey = parseKey("ALIPAY_PUBLIC_KEY", env.ALIPAY_PUBLIC_KEY, "public").export({ format: "pem", type: "spki" }).toString();
  const gateway = parseUrl("ALIPAY_GATEWAY", env.ALIPAY_GATEWAY?.trim() || DEFAULT_ALIPAY_GATEWAY).toString();
  const notifyUrl = parseUrl("ALIPAY_NOTIFY_URL", env.ALIPAY_NOTIFY_URL?.trim() || `${appOrigin}/api/payments/alipay/notify`).toString();
  const timeoutRaw = env.ALIPAY_ORDER_TIMEOUT_MINUTES?.trim();
  const orderTimeoutMinutes = timeoutRaw ? Number(timeoutRaw) : DEFAULT_ORDER_TIMEOUT_MINUTES;
  // Alipay accepts time_expire up to 15 days ahead; a minute is the least that makes sense to pay in.
  if (!Number.isInteger(orderTimeoutMinutes) || orderTimeoutMinutes < 1 || orderTimeoutMinutes > 1440) {
    throw new AlipayConfigError(`ALIPAY_ORDER_TIMEOUT_MINUTES must be a whole number of minutes from 1 to 1440; got "${timeoutRaw}"`);
  }
  return { appId, privateKey, alipayPublicKey, gateway, notifyUrl, returnBase: appOrigin, orderTimeoutMinutes };
}
