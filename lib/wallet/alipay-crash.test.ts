import { spawn } from "node:child_process";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { messages, paymentNotices, topUpOrders, wallets } from "@/db/schema";
import { startAlipaySimulator, type AlipaySimulator } from "@/lib/tooling/testing/alipay-simulator";
import { describePostgres } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { alipayOutTradeNo, alipayProvider } from "./providers/alipay";
import { alipayConfig } from "./providers/alipay-config";
import { recordProviderNotice } from "./provider-notice";
import { createTopUp } from "./top-up";

/**
 * Issue 20: a console process is killed (SIGKILL) between receiving a verified notice and
 * committing its credit. The credit, the order's new state and the notice's record are one
 * transaction, so none of them survives; Alipay redelivers and that delivery credits once.
 *
 * To stop the child at the right place without a test hook in the service, this test holds an
 * uncommitted inbox row for the account (with the dedupe key the credit's "top-up complete"
 * message uses): its foreign key holds a share lock on the account row, so the child, having
 * posted the ledger and marked the order paid, waits at the account-status check (FOR UPDATE) —
 * or, failing that, at its own insert of that message. Either way it is inside the credit's
 * transaction when it is killed.
 */
const NOW = new Date("2026-12-03T02:00:00Z");
let sim: AlipaySimulator;

beforeAll(async () => {
  sim = await startAlipaySimulator({ notifyOnPay: false });
});
afterAll(async () => {
  await sim.close();
});

describePostgres("Alipay notice: kill -9 between notice and credit", (get) => {
  it("the killed process leaves nothing; the redelivered notice credits once", async () => {
    const url = process.env.TEST_DATABASE_URL ?? "";
    const config = { ALIPAY_APP_ID: sim.keys.appId, ALIPAY_PRIVATE_KEY: sim.keys.appPrivateKey, ALIPAY_PUBLIC_KEY: sim.keys.alipayPublicKey, ALIPAY_GATEWAY: sim.gateway };
    const provider = alipayProvider(alipayConfig(config, "http://console.test"));
    const db = get().db;
    const account = await newAccount(db, NOW, "alipay-kill");
    const created = await createTopUp({ ctx: account.customer(), input: { amount: "66.60" }, provider, returnUrl: "/orders/{order}", timeoutMinutes: 30 });
    const outTradeNo = alipayOutTradeNo(created.orderId);
    await fetch(created.redirectUrl);
    const body = sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS" });

    let childPid = 0;
    let childOutput = "";
    let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({ code: null, signal: null });
    // The blocker: an open transaction holding the message's unique key, rolled back at the end.
    await db
      .transaction(async (tx) => {
        await tx.insert(messages).values({ accountId: account.accountId, kind: "top-up-complete", product: null, params: {}, dedupeKey: `top-up:${created.orderId}`, createdAt: NOW });
        const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("lib/tooling/testing/alipay-notice-child.ts"), url], { stdio: ["pipe", "pipe", "pipe"] });
        // node itself (tsx as a loader, not the tsx CLI, which would run the work in a grandchild the kill misses).
        childPid = child.pid ?? 0;
        child.stdout.on("data", (chunk: Buffer) => (childOutput += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (childOutput += chunk.toString()));
        exit = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
        child.stdin.end(JSON.stringify({ appId: sim.keys.appId, privateKey: sim.keys.appPrivateKey, publicKey: sim.keys.alipayPublicKey, gateway: sim.gateway, body }));
        // Wait until the child's transaction is stuck behind ours: it has posted the ledger and updated the order by then.
        const deadline = Date.now() + 20_000;
        for (;;) {
          const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
          const n = (rows as unknown as Array<{ n: number }>)[0]?.n ?? 0;
          if (n > 0) break;
          if (Date.now() > deadline) {
            const seen = await db.execute(sql`select state, wait_event_type, wait_event, left(query, 80) as q from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
            throw new Error(`child never reached the credit: ${childOutput} ${JSON.stringify(seen)}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        process.kill(childPid, "SIGKILL");
        const { signal } = await exit;
        expect(signal).toBe("SIGKILL");
        throw new RollbackBlocker();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollbackBlocker)) throw error;
      });
    expect(childOutput).toContain("verified");
    expect(childOutput).not.toContain("credited");
    // PostgreSQL ends the dead client's backend and rolls its transaction back; wait for that.
    for (let i = 0; i < 100; i += 1) {
      const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
      if (((rows as unknown as Array<{ n: number }>)[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [afterKill] = await db.select().from(topUpOrders).where(eq(topUpOrders.id, created.orderId));
    expect(afterKill?.status).toBe("pending");
    expect(await db.select().from(paymentNotices).where(eq(paymentNotices.topUpOrderId, created.orderId))).toHaveLength(0);

    // Alipay redelivers (it got no "success"): credited once, however many times it comes.
    const ctx = { db, actor: { type: "system" as const, reason: "payment:alipay" }, now: NOW };
    const notice = provider.readNotice?.(body, new Headers());
    if (!notice) throw new Error("forged");
    const outcomes = await Promise.all([1, 2, 3].map(() => recordProviderNotice({ ctx, input: { providerId: "alipay", notice } })));
    expect(outcomes.map((o) => o.outcome).sort(), childOutput).toEqual(["credited", "duplicate", "duplicate"]);
    const [wallet] = await db.select().from(wallets).where(eq(wallets.accountId, account.accountId));
    expect(wallet?.cash).toBe("66.60");
    expect(await db.select().from(messages).where(eq(messages.dedupeKey, `top-up:${created.orderId}`))).toHaveLength(1);
    expect(await ledgerProblems(db, account.accountId)).toEqual([]);
  }, 120_000);
});

class RollbackBlocker extends Error {}
