import { trustedProxyHops } from "./trusted-proxy";

/**
 * The client's address for sign-in throttling, or null when no address can be trusted.
 *
 * Behind TRUST_PROXY hops (`1` for the nginx of deploy/nginx.conf, which SETS X-Forwarded-For to
 * the peer it saw, dropping whatever the client sent), the entry the outermost trusted proxy wrote;
 * entries before it came from the client and are ignored.
 *
 * Without TRUST_PROXY the console cannot know the address: `next start` gives a route no socket,
 * and the X-Forwarded-For it passes on is the client's own when the client sent one (Next.js fills
 * it from the socket only when it is absent). So null: the per-address limits are not applied and
 * the per-email limit still holds (lib/identity/sign-in.ts, docs/security.md).
 */
export function clientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string | null {
  let hops = 0;
  try {
    hops = trustedProxyHops(env.TRUST_PROXY);
  } catch {
    hops = 0; // `npm start` refuses a malformed TRUST_PROXY; here it means "trust nothing".
  }
  if (hops === 0) return null;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - hops)] ?? null;
}
