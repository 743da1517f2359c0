import { and, desc, eq, sql } from "drizzle-orm";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_FLAGS, chromiumExecutable } from "@/e2e/browser";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ledgerTransactions, signInAttempts, topUpOrders, usageEvents, usageHourly, users, wallets } from "@/db/schema";
import { Dec } from "@/lib/pricing";
import { createApiKey, revokeApiKey } from "@/lib/metering/api-keys";
import { NON_PAGE_HEADERS } from "@/lib/security/headers.mjs";
import { sandboxCallback } from "@/lib/wallet/providers/sandbox";
import { createTopUp } from "@/lib/wallet/top-up";
import { freePort } from "@/lib/tooling/bench/server";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { createScratchDatabase } from "@/lib/tooling/testing/scratch-database";
import { TEST_SANDBOX_SECRET, testProvider } from "@/lib/tooling/testing/wallet-fixtures";
import { nginxBinary, startNginx, type RunningNginx } from "./nginx";
import { startConsoleProcess, startMeteringProcess, type ServerProcess } from "./processes";

/**
 * Issue 18 item 7: production as docs/architecture.md draws it — nginx (deploy/nginx.conf) in
 * front of two console instances (`next start` on the build, PostgreSQL and Redis, TRUST_PROXY=1)
 * and the metering service (`npm run metering`) — everything reached through nginx:
 * (a) a customer's journey in Chromium; (b) 20,000 events from 16 gateways counted exactly once;
 * (c) a revoked key refused at once by both console instances and the metering service; (d) one
 * console instance killed (SIGKILL) mid-run: no write lost, no request failed past nginx's retry.
 */
const HOUR = 3_600_000;
const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.TEST_DATABASE_URL;
const runnable = Boolean(redisUrl && databaseUrl && nginxBinary());
const shanghaiNow = () => new Date(Date.now() + 8 * HOUR).toISOString().replace("Z", "+08:00");

describe.skipIf(!runnable)("production topology: nginx, two console instances, the metering service", () => {
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  let handle: DatabaseHandle | undefined;
  let nginx: RunningNginx | undefined;
  let browser: Browser | undefined;
  const consoles: ServerProcess[] = [];
  let metering: ServerProcess | undefined;
  let customer: Awaited<ReturnType<typeof meteredAccount>> | undefined;
  let sessionCookie = "";
  let email = "";
  const db = () => {
    if (!handle) throw new Error("no database");
    return handle.db;
  };
  const proxy = () => nginx?.url ?? "";
  const account = () => {
    if (!customer) throw new Error("no customer");
    return customer;
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase(databaseUrl ?? "", "topology");
    handle = await openDatabase({ url: scratch.url, maxConnections: 8 });
    await migrateDatabase(handle);
    const listenPort = await freePort();
    const env = {
      DATABASE_URL: scratch.url,
      REDIS_URL: redisUrl,
      AUTH_SECRET: "topology-only-secret-0123456789abcdef",
      TRUST_PROXY: "1",
      PAYMENT_PROVIDER: "sandbox",
      SANDBOX_PAYMENT_SECRET: TEST_SANDBOX_SECRET,
      APP_URL: `http://127.0.0.1:${listenPort}`,
    };
    const started = await Promise.all([startConsoleProcess(env), startConsoleProcess(env), startMeteringProcess(env)]);
    consoles.push(started[0], started[1]);
    metering = started[2];
    nginx = await startNginx({ listen: `127.0.0.1:${listenPort}`, consoles: consoles.map((c) => `127.0.0.1:${c.port}`), metering: [`127.0.0.1:${metering.port}`] });
    customer = await meteredAccount(db(), new Date(Date.now() - HOUR));
    email = (await db().select({ email: users.email }).from(users).where(eq(users.id, customer.userId)))[0]?.email ?? "";
  });

  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
    for (const server of [...consoles, ...(metering ? [metering] : [])]) {
      if (server.child.exitCode === null) server.child.kill("SIGTERM");
      await server.exited;
    }
    await handle?.close();
    await scratch?.drop();
  });

  const usage = (secret: string, events: { id: string; calls: number }[], base = proxy()) =>
    fetch(`${base}/api/v1/usage`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ events: events.map((e) => ({ id: e.id, api: "processing.crop", calls: e.calls, at: shanghaiNow() })) }),
    });

  it("(b) counts 20,000 events from 16 concurrent gateways exactly once, resends included", async () => {
    const batches = Array.from({ length: 160 }, (_, b) => Array.from({ length: 125 }, (_, i) => ({ id: `topo-${b}-${i}`, calls: 1 })));
    // 16 of them sent a second time by another gateway: answered `duplicate`, never counted twice.
    const sends = [...batches.map((events) => ({ events, again: false })), ...batches.slice(0, 16).map((events) => ({ events, again: true }))];
    const statuses: Record<string, number> = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let send = sends[next++]; send; send = sends[next++]) {
          const response = await usage(account().secret, send.events);
          expect(response.status).toBe(200);
          for (const result of ((await response.json()) as { results: { status: string }[] }).results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
        }
      }),
    );
    expect(statuses).toEqual({ accepted: 20_000, duplicate: 16 * 125 });
    const [events] = await db().select({ n: sql<number>`count(*)::int` }).from(usageEvents).where(eq(usageEvents.accountId, account().accountId));
    const [hourly] = await db().select({ calls: sql<number>`sum(${usageHourly.calls})::int` }).from(usageHourly).where(eq(usageHourly.accountId, account().accountId));
    expect(events?.n).toBe(20_000);
    expect(hourly?.calls).toBe(20_000);
    // nginx sent them to the metering service, and its answers carry the non-page headers.
    const answer = await usage(account().secret, [{ id: "topo-headers", calls: 1 }]);
    for (const [name, value] of Object.entries(NON_PAGE_HEADERS)) expect(answer.headers.get(name), name).toBe(value);
  });

  it("(a) a customer signs in through nginx, sees the overview and opens usage, in Chromium", async () => {
    const executable = chromiumExecutable();
    browser = await chromium.launch({ executablePath: executable.path, args: CHROMIUM_FLAGS });
    const page = await browser.newPage();
    // A first render of each page on a busy machine: generous, never asserted as a duration.
    page.setDefaultTimeout(60_000);
    await page.goto(`${proxy()}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Welcome, Test Co" }).waitFor();
    await page.goto(`${proxy()}/usage`);
    await page.getByTestId("usage-total-calls").waitFor();
    expect(await page.getByTestId("usage-total-calls").textContent()).toMatch(/20,0\d\d|20\s?0\d\d/);
    const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
    expect(cookie).toBeDefined();
    sessionCookie = `authjs.session-token=${cookie?.value ?? ""}`;
    // The sign-in was recorded with the address nginx saw, not one a client could choose.
    const [attempt] = await db().select({ ip: signInAttempts.ip }).from(signInAttempts).where(eq(signInAttempts.email, email)).orderBy(desc(signInAttempts.id)).limit(1);
    expect(attempt?.ip).toBe("127.0.0.1");
  });

  it("(c) refuses a revoked key at once on both console instances and the metering service", async () => {
    const { key, secret } = await createApiKey({ ctx: account().customer(new Date()), input: { name: "to revoke" } });
    const bills = (base: string) => fetch(`${base}/api/v1/bills?month=2026-01`, { headers: { authorization: `Bearer ${secret}` } });
    const authorize = (base: string) => fetch(`${base}/api/v1/authorize`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: '{"api":"processing.crop"}' });
    const everywhere = async () => [...(await Promise.all(consoles.map((c) => bills(c.url)))), await authorize(metering?.url ?? ""), await authorize(proxy())].map((r) => r.status);
    // Every process has the key in its cache.
    expect((await everywhere()).map((s) => s !== 401)).toEqual([true, true, true, true]);
    await revokeApiKey({ ctx: account().customer(new Date()), input: { keyId: key.id } });
    expect(await everywhere()).toEqual([401, 401, 401, 401]);
    expect((await usage(secret, [{ id: "after-revoke", calls: 1 }])).status).toBe(401);
  });

  it("(d) one console instance killed mid-run: every request answered (nginx retries, or the client's own retry of a cut response), no write lost", async () => {
    const cashOf = async () => (await db().select({ cash: wallets.cash }).from(wallets).where(eq(wallets.accountId, account().accountId)))[0]?.cash ?? "0";
    const cashBefore = await cashOf();
    const orders = [];
    for (let i = 0; i < 40; i++) orders.push(await createTopUp({ ctx: account().customer(new Date()), input: { amount: "10.00" }, provider: testProvider, returnUrl: "/balance" }));
    // Each notice delivered twice, as providers do: credited once.
    const notices = [...orders, ...orders].map((order) => sandboxCallback(TEST_SANDBOX_SECRET, { orderId: order.orderId, providerOrderId: `sbx_${order.orderId.replaceAll("-", "")}`, amount: "10.00", status: "paid" }));
    const failures: string[] = [];
    let done = 0;
    let killed = false;
    const killAt = 30;
    const count = () => {
      done += 1;
      if (done === killAt && !killed) {
        killed = true;
        consoles[0]?.child.kill("SIGKILL");
      }
    };
    // nginx retries a request the dead instance never answered; a response the instance had begun
    // to send when it died is cut (no proxy can resend half an answer) and the client sees the
    // connection close. Real clients retry then — a reader reloads, a provider redelivers a notice,
    // a gateway resends its batch with the same event ids — and so do these, once. Only requests
    // in flight at the kill can be cut: at most one per client (12).
    let cut = 0;
    const send = async (url: string, init: RequestInit) => {
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await fetch(url, init);
          return { status: response.status, body: await response.text() };
        } catch (error) {
          if (attempt > 0 || !killed) throw error;
          cut += 1;
        }
      }
    };
    let nextNotice = 0;
    const callbacks = Array.from({ length: 4 }, async () => {
      for (let notice = notices[nextNotice++]; notice; notice = notices[nextNotice++]) {
        const response = await send(`${proxy()}/api/payments/sandbox/callback`, { method: "POST", headers: notice.headers, body: notice.body });
        if (response.status !== 200) failures.push(`callback ${response.status} ${response.body}`);
        count();
      }
    });
    const reads = Array.from({ length: 4 }, async (_, worker) => {
      for (let i = 0; i < 25; i++) {
        const path = i % 2 === 0 ? "/api/console/balance" : "/api/console/usage";
        const response = await send(`${proxy()}${path}`, { headers: { cookie: sessionCookie } });
        if (response.status !== 200) failures.push(`${path} ${response.status} (reader ${worker})`);
        count();
      }
    });
    let eventBatch = 0;
    const gateways = Array.from({ length: 4 }, async () => {
      while (eventBatch < 40) {
        const b = eventBatch++;
        const events = Array.from({ length: 50 }, (_, i) => ({ id: `kill-${b}-${i}`, api: "processing.crop", calls: 1, at: shanghaiNow() }));
        const response = await send(`${proxy()}/api/v1/usage`, {
          method: "POST",
          headers: { authorization: `Bearer ${account().secret}`, "content-type": "application/json" },
          body: JSON.stringify({ events }),
        });
        if (response.status !== 200) failures.push(`usage ${response.status}`);
        count();
      }
    });
    await Promise.all([...callbacks, ...reads, ...gateways]);
    expect(killed).toBe(true);
    expect(await consoles[0]?.exited).toBeNull();
    expect(failures).toEqual([]);
    expect(cut).toBeLessThanOrEqual(12);

    const paid = await db().select({ n: sql<number>`count(*)::int` }).from(topUpOrders).where(and(eq(topUpOrders.accountId, account().accountId), eq(topUpOrders.status, "paid")));
    expect(paid[0]?.n).toBe(40);
    const topUps = await db().select({ n: sql<number>`count(*)::int` }).from(ledgerTransactions).where(and(eq(ledgerTransactions.accountId, account().accountId), eq(ledgerTransactions.kind, "top-up")));
    expect(topUps[0]?.n).toBe(40);
    expect(new Dec(await cashOf()).minus(cashBefore).toFixed(2)).toBe("400.00");
    const [events] = await db().select({ n: sql<number>`count(*)::int` }).from(usageEvents).where(and(eq(usageEvents.accountId, account().accountId), sql`${usageEvents.eventId} like 'kill-%'`));
    expect(events?.n).toBe(40 * 50);
    // nginx did retry: some request went to the dead instance first, then to the live one.
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // the access log is flushed every second
    const deadAddress = `127.0.0.1:${consoles[0]?.port}`;
    expect(nginx?.accessLog().split("\n").some((line) => line.includes(`upstream=${deadAddress}, `))).toBe(true);
  });
});
