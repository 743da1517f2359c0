/**
 * `npm start`: migrate the database (embedded PGlite unless DATABASE_URL is set), create the demo
 * customer on first run and print its login, build the app if it has not been built, then serve it
 * with `next start` — one command, one server process. Next serves everything, the metering API's
 * route handlers included; production runs the metering API as its own process (`npm run metering`)
 * behind nginx (deploy/nginx.conf, docs/architecture.md).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { defaultDataDir, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { resolveAuthSecret } from "@/lib/security/secret";
import { now } from "@/lib/clock";
import { wireDomainHooks } from "@/lib/hooks";
import { seedDemo } from "@/lib/tooling/demo/seed";
import { readDemoLogin } from "@/lib/identity/demo";
import { checkSecuritySettings, serveArgs, staffLoginHelp } from "./serve-args";

const nextBin = path.resolve("node_modules/next/dist/bin/next");

async function prepareDatabase() {
  wireDomainHooks();
  const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  // The demo's login file is written when the demo company is created: without it this is a first start.
  const firstStart = !readDemoLogin(defaultDataDir());
  console.log(firstStart ? "Preparing the database (first start: migrating and creating the demo company's two years of history)…" : "Preparing the database (applying any new migrations)…");
  try {
    await migrateDatabase(handle);
    const seeded = await seedDemo({ ctx: { db: handle.db, actor: { type: "system", reason: "start" }, now: now() }, dataDir: defaultDataDir() });
    if (seeded.created) console.log(`Created the demo company with ${seeded.months} months of history.`);
    const saved = readDemoLogin(defaultDataDir());
    const login = { email: seeded.email, password: saved?.password ?? "(set when the demo was first created; see demo-login.json in its data folder)" };
    return { login, location: handle.location, kind: handle.kind };
  } finally {
    // PGlite allows one process per data folder: the server opens it after we let go.
    await handle.close();
  }
}

function buildIfNeeded(): void {
  if (existsSync(".next/BUILD_ID") && process.env.FORCE_BUILD !== "1") return;
  console.log("Building the console (first start only; about a minute)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  const authSecret = resolveAuthSecret();
  const security = checkSecuritySettings();
  const { login, location, kind } = await prepareDatabase();
  buildIfNeeded();
  const { args, env, port, hostname } = serveArgs();
  console.log("");
  console.log(`  Database:   ${kind === "pglite" ? "embedded (PGlite)" : "PostgreSQL"} at ${location}`);
  console.log(`  Console:    http://localhost:${port} (listening on ${hostname})`);
  console.log(`  Payments:   ${security.paymentProvider}`);
  console.log(`  Demo login: ${login.email} / ${login.password}`);
  for (const line of staffLoginHelp(kind, port)) console.log(line);
  if (kind !== "pglite" && security.trustProxyHops === 0) console.log("  Throttling: per email only (set TRUST_PROXY=1 behind nginx for the per-address limits)");
  console.log("");
  const server = spawn(process.execPath, args, {
    stdio: "inherit",
    env: { ...process.env, ...env, AUTH_SECRET: authSecret, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
