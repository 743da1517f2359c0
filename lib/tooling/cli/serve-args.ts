import path from "node:path";
import { appUrl } from "@/lib/security/app-url";
import { trustedProxyHops } from "@/lib/auth/trusted-proxy";
import { configuredPaymentProvider } from "@/lib/wallet/providers/config";

/**
 * How to serve the built console: `next start`, nothing in front of it in the process (issue 18
 * item 1). Production puts nginx in front (deploy/nginx.conf) and runs the metering API as its own
 * process (`npm run metering`); on the embedded default Next's route handlers serve that API too.
 */
export function serveArgs(env: Record<string, string | undefined> = process.env): { args: string[]; env: { PORT: string; HOSTNAME: string }; port: string; hostname: string } {
  const port = env.PORT?.trim() || "3000";
  // HOSTNAME is honoured; unset, the console listens on every interface (0.0.0.0), as the README says.
  const hostname = env.HOSTNAME?.trim() || "0.0.0.0";
  // Keep-alive longer than the 60 s a proxy in front keeps an idle upstream connection: the proxy,
  // not the console, closes it, so it never sends a request on a connection being closed.
  const args = [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", port, "--hostname", hostname, "--keepAliveTimeout", "65000"];
  return { args, env: { PORT: port, HOSTNAME: hostname }, port, hostname };
}

/** Security settings checked before the server starts, so a typo fails loudly instead of meaning "off" (or "on"). */
export function checkSecuritySettings(env: Record<string, string | undefined> = process.env): { paymentProvider: string; trustProxyHops: number; appUrl: string } {
  const provider = configuredPaymentProvider(env);
  const hops = trustedProxyHops(env.TRUST_PROXY);
  return { paymentProvider: provider ?? "none (bank transfer, credited with `ops credit`)", trustProxyHops: hops, appUrl: appUrl(env) };
}

/**
 * What `npm start` prints about staff (issue 19 item 10). Staff never sign up (docs/support.md), so
 * a newcomer needs the command that makes one, and to know where a password-reset link goes when
 * no mail server is set: on the embedded default (PGlite, no SMTP_URL) it is written to the server
 * log (app/(app)/(auth)/password-actions.ts).
 */
export function staffLoginHelp(kind: string, port: string, env: Record<string, string | undefined> = process.env): string[] {
  const embedded = kind === "pglite" && !env.DATABASE_URL;
  const lines = embedded
    ? [
        // The embedded database takes one process at a time (db/embedded-lock.ts): ops refuses while this runs.
        `  Staff login: stop the console (Ctrl-C), run npm run ops -- create-staff --email you@example.com --role admin --name "Your Name"`,
        `               and start it again; it prints a one-time password (roles: support, admin); sign in at http://localhost:${port}/staff/sign-in`,
      ]
    : [
        `  Staff login: npm run ops -- create-staff --email you@example.com --role admin --name "Your Name"`,
        `               prints a one-time password (roles: support, admin); sign in at http://localhost:${port}/staff/sign-in`,
      ];
  if (env.SMTP_URL) lines.push("  Reset links: emailed through SMTP_URL");
  else if (embedded) lines.push("  Reset links: no SMTP_URL on the embedded default, so password-reset links are written to this server log");
  else lines.push("  Reset links: no SMTP_URL, so password-reset emails stay queued until it is set");
  return lines;
}
