import "server-only";
import { headers } from "next/headers";

/** The console's own origin as the browser reached it, for copy-paste examples (proxies set x-forwarded-*). */
export async function requestBaseUrl(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = h.get("x-forwarded-proto") ?? (local ? "http" : "https");
  return `${proto}://${host}`;
}

/** An instant as Shanghai wall-clock ISO 8601 with its +08:00 offset (SPEC §1), as the gateway would send it. */
export function shanghaiIso(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
