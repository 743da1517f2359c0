/**
 * Races on real PostgreSQL (issue 4): many connections at once against one account. PGlite has one
 * connection, so these run only where concurrency is real.
 */
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { expect, it } from "vitest";
import { packs, purchases, refunds, topUpOrders } from "@/db/schema";
import { ServiceError } from "@/lib/context";
import { activateProduct } from "@/lib/packs/activation";
import { drawCalls } from "@/lib/packs/draw";
import { Dec } from "@/lib/pricing";
import { requestRefund } from "@/lib/refunds/request";
import { describePostgres } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, testProvider, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { sandboxCallback } from "@/lib/wallet/providers/sandbox";
import { confirmTopUp, createTopUp } from "@/lib/wallet/top-up";
import { purchase } from "./purchase";

const at = new Date("2026-11-22T02:00:00Z");

describePostgres("money races", (database) => {
  const db = () => database().db;

  async function scanBuyer(cash: string) {
    const account = await newAccount(db(), at, "race");
    await activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } });
    await topUp(account, cash);
    return account;
  }

  it("50 concurrent purchases with one idempotency key charge once", async () => {
    const account = await scanBuyer("1000");
    const key = `same-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => purchase({ ctx: account.customer(), input: { idempotencyKey: key, item: "scan.code-recognition:1k", quantity: 1 } })),
    );
    expect(new Set(results.map((r) => r.purchaseId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("900.00");
    expect(await db().select().from(purchases).where(eq(purchases.accountId, account.accountId))).toHaveLength(1);
    expect(await db().select().from(packs).where(and(eq(packs.accountId, account.accountId), eq(packs.source, "purchase")))).toHaveLength(1);
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
  });

  it("50 concurrent purchases that together exceed the balance never overdraw it", async () => {
    const account = await scanBuyer("2050");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => purchase({ ctx: account.customer(), input: { idempotencyKey: `over-${Date.now()}-${i}`, item: "scan.code-recognition:1k", quantity: 1 } })),
    );
    const ok = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(ok).toHaveLength(20);
    expect(refused.every((o) => o.reason instanceof ServiceError && o.reason.code === "insufficient-balance")).toBe(true);
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("50.00");
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
  });

  it("200 races of a refund against a draw on the same pack never both succeed", async () => {
    const account = await scanBuyer("20000");
    let refundsWon = 0;
    let drawsWon = 0;
    for (let round = 0; round < 200; round++) {
      const bought = await purchase({ ctx: account.customer(), input: { idempotencyKey: `rd-${Date.now()}-${round}`, item: "scan.barcode-lookup:1k", quantity: 1 } });
      const [pack] = await db().select().from(packs).where(eq(packs.purchaseId, bought.purchaseId));
      if (!pack) throw new Error("no pack");
      // Exhaust the one-time free grant first so the draw goes to this pack (free packs are drawn first).
      await db().update(packs).set({ remaining: 0 }).where(and(eq(packs.accountId, account.accountId), eq(packs.source, "free")));
      const [refund, draw] = await Promise.allSettled([
        requestRefund({ ctx: account.customer(), input: { packId: pack.id } }),
        drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "scan.barcode-lookup", calls: 1, at } }),
      ]);
      if (draw.status !== "fulfilled") throw draw.reason;
      const drewFromPack = draw.value.packs.some((p) => p.packId === pack.id);
      const refunded = refund.status === "fulfilled";
      expect(refunded && drewFromPack).toBe(false);
      expect(refunded || drewFromPack).toBe(true);
      if (refunded) refundsWon++;
      else drawsWon++;
      const [after] = await db().select().from(packs).where(eq(packs.id, pack.id));
      expect(after?.refundedAt !== null && after?.remaining !== after?.size).toBe(false);
      // Keep the review queue out of it: this account's refunds are cleared between rounds.
      await db().delete(refunds).where(and(eq(refunds.accountId, account.accountId), eq(refunds.status, "pending-review")));
      await db().execute(sql`update refunds set requested_at = requested_at - interval '31 days' where account_id = ${account.accountId}`);
    }
    expect(refundsWon + drawsWon).toBe(200);
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
  }, 120_000);

  it("a top-up callback delivered 20 times at once credits once", async () => {
    const account = await newAccount(db(), at, "cb");
    const order = await createTopUp({ ctx: account.customer(), input: { amount: "88.80" }, provider: testProvider, returnUrl: "/balance" });
    const { body, headers } = sandboxCallback("test-sandbox-secret", {
      orderId: order.orderId,
      providerOrderId: `sbx_${order.orderId.replaceAll("-", "")}`,
      amount: "88.80",
      status: "paid",
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => {
        const notice = testProvider.verifyCallback(body, new Headers(headers));
        if (!notice) throw new Error("signature");
        return confirmTopUp({ ctx: account.system(), providerId: "sandbox", notice });
      }),
    );
    expect(results.filter((r) => r.credited)).toHaveLength(1);
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("88.80");
    const [row] = await db().select().from(topUpOrders).where(eq(topUpOrders.id, order.orderId));
    expect(row?.status).toBe("paid");
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
  });

  it("after random top-ups, purchases, draws and refunds, every transaction balances and every balance is the sum of its entries", async () => {
    type Step = { kind: "top-up"; amount: string } | { kind: "buy"; item: string; quantity: number } | { kind: "draw"; calls: number } | { kind: "refund"; pick: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant("top-up" as const), amount: fc.integer({ min: 1, max: 50_000 }).map((cents) => new Dec(cents).dividedBy(100).toFixed(2)) }),
      fc.record({ kind: fc.constant("buy" as const), item: fc.constantFrom("scan.code-recognition:1k", "scan.barcode-lookup:1k", "body.detection:10k"), quantity: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant("draw" as const), calls: fc.integer({ min: 1, max: 2500 }) }),
      fc.record({ kind: fc.constant("refund" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const account = await newAccount(db(), at, "prop");
        await activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } });
        await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
        // Steps run two at a time, so the ledger also sees concurrent moves.
        for (let i = 0; i < steps.length; i += 2) {
          await Promise.allSettled(
            steps.slice(i, i + 2).map(async (s, j) => {
              if (s.kind === "top-up") return topUp(account, s.amount);
              if (s.kind === "buy") return purchase({ ctx: account.customer(), input: { idempotencyKey: `p-${i}-${j}`, item: s.item, quantity: s.quantity } });
              if (s.kind === "draw") return drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "scan.code-recognition", calls: s.calls, at } });
              const bought = await db().select().from(packs).where(and(eq(packs.accountId, account.accountId), eq(packs.source, "purchase")));
              const target = bought[s.pick % Math.max(1, bought.length)];
              return target ? requestRefund({ ctx: account.customer(), input: { packId: target.id } }) : null;
            }),
          );
        }
        expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
        const wallet = await getWallet({ ctx: account.customer() });
        expect(new Dec(wallet.cash).isNegative()).toBe(false);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
