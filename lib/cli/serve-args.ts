import path from "node:path";
import { appUrl } from "@/lib/auth/app-url";
import { configuredPaymentProvider } from "@/lib/wallet/providers/config";
import { trustedProxyHops } from "./peer-address.mjs";

/** The Node arguments that serve the built console: the peer-address preload, then `next start` on PORT and HOSTNAME. */
export function serveArgs(env: Record<string, string | undefined> = process.env): { args: string[]; port: string; hostname: string } {
  const port = env.PORT?.trim() || "3000";
  // HOSTNAME is honoured; unset, the console listens on every interface (0.0.0.0), as the README says.
  const hostname = env.HOSTNAME?.trim() || "0.0.0.0";
  const args = ["--import", pathToPreload(), path.resolve("node_modules/next/dist/bin/next"), "start", "-p", port, "-H", hostname];
  return { args, port, hostname };
}

function pathToPreload(): string {
  return path.resolve("lib/cli/peer-address-preload.mjs");
}

/** Security settings checked before the server starts, so a typo fails loudly instead of meaning "off" (or "on"). */
export function checkSecuritySettings(env: Record<string, string | undefined> = process.env): { paymentProvider: string; trustProxyHops: number; appUrl: string } {
  const provider = configuredPaymentProvider(env);
  const hops = trustedProxyHops(env.TRUST_PROXY);
  return { paymentProvider: provider ?? "none (bank transfer, credited with `ops credit`)", trustProxyHops: hops, appUrl: appUrl(env) };
}
