import path from "node:path";
import { appUrl } from "@/lib/auth/app-url";
import { configuredPaymentProvider } from "@/lib/wallet/providers/config";
import { trustedProxyHops } from "./peer-address.mjs";

/**
 * How to serve the built console: Node with the peer-address preload, then lib/tooling/server/serve.ts (Next's
 * handler with the metering fast path in front), listening on the returned PORT and HOSTNAME.
 */
export function serveArgs(env: Record<string, string | undefined> = process.env): { args: string[]; env: { PORT: string; HOSTNAME: string }; port: string; hostname: string } {
  const port = env.PORT?.trim() || "3000";
  // HOSTNAME is honoured; unset, the console listens on every interface (0.0.0.0), as the README says.
  const hostname = env.HOSTNAME?.trim() || "0.0.0.0";
  const args = ["--import", pathToPreload(), "--conditions=react-server", "--import", "tsx", path.resolve("lib/tooling/server/serve.ts")];
  return { args, env: { PORT: port, HOSTNAME: hostname }, port, hostname };
}

function pathToPreload(): string {
  return path.resolve("lib/tooling/cli/peer-address-preload.mjs");
}

/** Security settings checked before the server starts, so a typo fails loudly instead of meaning "off" (or "on"). */
export function checkSecuritySettings(env: Record<string, string | undefined> = process.env): { paymentProvider: string; trustProxyHops: number; appUrl: string } {
  const provider = configuredPaymentProvider(env);
  const hops = trustedProxyHops(env.TRUST_PROXY);
  return { paymentProvider: provider ?? "none (bank transfer, credited with `ops credit`)", trustProxyHops: hops, appUrl: appUrl(env) };
}
