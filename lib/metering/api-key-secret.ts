import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * API key secrets: `aik_` + 32 random bytes in base64url. Stored as SHA-256 only (a 256-bit random
 * secret needs no slow hash; a fast one keeps every metering request cheap), with a short prefix
 * kept in clear so the customer can tell keys apart.
 */
const PREFIX = "aik_";

export function generateApiKeySecret(): { secret: string; hash: string; displayPrefix: string } {
  const secret = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashApiKeySecret(secret), displayPrefix: secret.slice(0, PREFIX.length + 6) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The bearer secret of an Authorization header, or null when absent or malformed. */
export function bearerSecret(header: string | null): string | null {
  const match = header ? /^Bearer\s+(aik_[A-Za-z0-9_-]{43})\s*$/.exec(header) : null;
  return match?.[1] ?? null;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
