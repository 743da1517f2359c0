import { trustedProxyHops } from "@/lib/tooling/cli/peer-address.mjs";

/**
 * The client's address for sign-in throttling. Behind TRUST_PROXY hops (e.g. `1` for one nginx
 * that appends to X-Forwarded-For), the entry the outermost trusted proxy appended; entries before
 * it were written by the client and are ignored. Otherwise the socket's own address, which the
 * server preload (lib/tooling/cli/peer-address.mjs, installed by `npm start`) puts in `x-console-peer`;
 * without it (e.g. `next dev`) every client shares the bucket "unknown".
 */
export function clientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const peer = headers.get("x-console-peer")?.trim() || "unknown";
  let hops = 0;
  try {
    hops = trustedProxyHops(env.TRUST_PROXY);
  } catch {
    hops = 0; // `npm start` refuses a malformed TRUST_PROXY; here it means "trust nothing".
  }
  if (hops === 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - hops)] ?? peer;
}
