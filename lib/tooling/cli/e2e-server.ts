/**
 * The server the browser tests run against: the production build, on a fresh embedded database in
 * its own folder, with a support user whose login the tests read from that folder. Test mode only.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { createStaff } from "@/lib/identity/staff";
import { createScratchDatabase } from "@/lib/tooling/testing/scratch-database";
import { serveArgs } from "./serve-args";

async function main(): Promise<void> {
  const port = process.env.E2E_PORT;
  const dataDir = process.env.E2E_DATA_DIR;
  if (!port || !dataDir) throw new Error("E2E_PORT and E2E_DATA_DIR are set by playwright.config.ts");
  // Refuse to run against anything but a throwaway folder of ours: the tests create users freely.
  if (!path.resolve(dataDir).includes(`${path.sep}.test-data${path.sep}`)) throw new Error(`refusing a non-test data folder: ${dataDir}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  // E2E_DATABASE_URL (the Alipay journey, playwright.alipay.config.ts): a scratch PostgreSQL database
  // beside it, dropped when the server stops; otherwise the embedded database in the data folder.
  const scratch = process.env.E2E_DATABASE_URL ? await createScratchDatabase(process.env.E2E_DATABASE_URL, "e2e") : null;
  const handle = scratch ? await openDatabase({ url: scratch.url }) : await openDatabase({ dataDir });
  try {
    await migrateDatabase(handle);
    const ctx = { db: handle.db, actor: { type: "system" as const, reason: "e2e" }, now: now() };
    const support = await createStaff({ ctx, input: { email: "support@e2e.test", role: "support" } });
    // This login is shared by parallel tests, so it is an established one: the first-sign-in password
    // change is exercised by each test's own staff (e2e/staff-helpers.ts, e2e/staff-password.spec.ts).
    await handle.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, support.userId));
    writeFileSync(path.join(dataDir, "staff.json"), JSON.stringify({ email: support.email, password: support.oneTimePassword }));
  } finally {
    await handle.close();
  }
  // Served as `npm start` serves it (`next start`), on loopback.
  const serving = serveArgs({ PORT: port, HOSTNAME: "127.0.0.1" });
  const server = spawn(process.execPath, serving.args, {
    stdio: "inherit",
    env: {
      ...process.env,
      ...serving.env,
      DATA_DIR: dataDir,
      DATABASE_URL: scratch?.url ?? "",
      AUTH_SECRET: "e2e-only-secret-not-for-production-use-0123456789",
      APP_TEST_MODE: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      // The browser reaches the server directly and sends no X-Forwarded-For, so Next.js fills it
      // from the socket: the tests' sign-in throttling sees an address, as it does behind nginx.
      TRUST_PROXY: "1",
    },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => {
    rmSync(dataDir, { recursive: true, force: true });
    void (scratch ? scratch.drop().catch(() => undefined) : Promise.resolve()).then(() => process.exit(code ?? 0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
