import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys, bills } from "@/db/schema";
import { readDemoLogin } from "@/lib/identity/demo";
import { openMigratedPglite } from "@/lib/tooling/testing/pglite-template";
import { seedDemo } from "./seed";

/** The demo company `npm start` seeds and prints the login of (README quick start). */
describe("the demo company", () => {
  let handle: DatabaseHandle;
  const dataDir = mkdtempSync(path.join(tmpdir(), "demo-seed-"));
  const now = new Date("2026-12-03T08:00:00Z");
  const ctx = () => ({ db: handle.db, actor: { type: "system" as const, reason: "test" }, now });

  beforeAll(async () => {
    handle = await openMigratedPglite();
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is seeded once, with its login written for npm start, closed bills and a key that has reported", async () => {
    const first = await seedDemo({ ctx: ctx(), dataDir });
    expect(first.created).toBe(true);
    expect(readDemoLogin(dataDir)).toEqual({ email: first.email, password: first.password });
    const closed = await handle.db.select({ month: bills.month }).from(bills).where(eq(bills.accountId, first.accountId));
    expect(closed.length).toBeGreaterThanOrEqual(first.months - 1);
    // The gateway's key reported every event: the API keys page must not say "Never used".
    const [key] = await handle.db.select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.accountId, first.accountId));
    expect(key?.lastUsedAt).toBeInstanceOf(Date);
    expect(key?.lastUsedAt?.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - (key?.lastUsedAt?.getTime() ?? 0)).toBeLessThan(2 * 86_400_000);

    const again = await seedDemo({ ctx: ctx(), dataDir });
    expect(again).toMatchObject({ created: false, accountId: first.accountId, password: null });
  }, 120_000);
});
