import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { paymentNotices, topUpOrders, wallets } from "@/db/schema";
import { alipayTestKeys, startAlipaySimulator, type AlipaySimulator } from "@/lib/tooling/testing/alipay-simulator";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { alipayProvider, alipayOutTradeNo } from "./providers/alipay";
import { alipayConfig, AlipayConfigError } from "./providers/alipay-config";
import type { PaymentProvider } from "./providers/types";
import { closeExpiredTopUps, abandonTopUp } from "./close-top-ups";
import { recordProviderNotice } from "./provider-notice";
import { createTopUp } from "./top-up";
import { heldPaymentNotices } from "@/lib/support/payment-notices";

/**
 * Issue 20 part 1: Alipay through the official SDK against the local gateway simulator. The route
 * handler does exactly `readNotice` + `recordProviderNotice` (`deliver` below).
 */
const NOW = new Date("2026-12-03T02:00:00Z");
let sim: AlipaySimulator;
let provider: PaymentProvider;

beforeAll(async () => {
  sim = await startAlipaySimulator({ notifyOnPay: false });
  const config = alipayConfig(
    { ALIPAY_APP_ID: sim.keys.appId, ALIPAY_PRIVATE_KEY: sim.keys.appPrivateKey, ALIPAY_PUBLIC_KEY: sim.keys.alipayPublicKey, ALIPAY_GATEWAY: sim.gateway },
    "http://console.test",
  );
  provider = alipayProvider(config);
});
afterAll(async () => {
  await sim.close();
});

it("refuses a missing or malformed configuration with a message naming the variable", () => {
  const keys = alipayTestKeys();
  const good = { ALIPAY_APP_ID: keys.appId, ALIPAY_PRIVATE_KEY: keys.appPrivateKey, ALIPAY_PUBLIC_KEY: keys.alipayPublicKey };
  expect(() => alipayConfig({ ...good, ALIPAY_APP_ID: "" }, "http://x")).toThrow(/ALIPAY_APP_ID is required/);
  expect(() => alipayConfig({ ...good, ALIPAY_APP_ID: "12ab" }, "http://x")).toThrow(/ALIPAY_APP_ID must be/);
  expect(() => alipayConfig({ ...good, ALIPAY_PRIVATE_KEY: undefined }, "http://x")).toThrow(/ALIPAY_PRIVATE_KEY is required/);
  expect(() => alipayConfig({ ...good, ALIPAY_PRIVATE_KEY: "not a key" }, "http://x")).toThrow(/ALIPAY_PRIVATE_KEY is not a readable RSA private key/);
  expect(() => alipayConfig({ ...good, ALIPAY_PUBLIC_KEY: keys.appPrivateKey.replace("PRIVATE", "PUBLIC") }, "http://x")).toThrow(AlipayConfigError);
  expect(() => alipayConfig({ ...good, ALIPAY_GATEWAY: "ftp://x" }, "http://x")).toThrow(/ALIPAY_GATEWAY/);
  expect(() => alipayConfig({ ...good, ALIPAY_ORDER_TIMEOUT_MINUTES: "0" }, "http://x")).toThrow(/ALIPAY_ORDER_TIMEOUT_MINUTES/);
  // Alipay's key tool gives bare base64: accepted.
  const bare = (pem: string) => pem.split("\n").filter((line) => line && !line.startsWith("-----")).join("");
  expect(alipayConfig({ ...good, ALIPAY_PRIVATE_KEY: bare(keys.appPrivateKey), ALIPAY_PUBLIC_KEY: bare(keys.alipayPublicKey) }, "http://x").appId).toBe(keys.appId);
});

describeEachDatabase("Alipay top-ups", (get) => {
  async function start(amount = "88.80", device: "desktop" | "phone" = "desktop") {
    const account = await newAccount(get().db, NOW, "alipay");
    const order = await createTopUp({ ctx: account.customer(), input: { amount }, provider, returnUrl: "/orders/{order}", device, timeoutMinutes: 30 });
    const outTradeNo = alipayOutTradeNo(order.orderId);
    return { account, order, outTradeNo };
  }
  /** The customer's browser opens the signed pay URL (the simulator checks our signature). */
  async function open(url: string) {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return response.text();
  }
  async function deliver(body: string, at = NOW) {
    const notice = provider.readNotice?.(body, new Headers()) ?? null;
    if (!notice) return "forged" as const;
    return (await recordProviderNotice({ ctx: { db: get().db, actor: { type: "system", reason: "payment:alipay" }, now: at }, input: { providerId: "alipay", notice } })).outcome;
  }
  async function cash(accountId: string) {
    const [wallet] = await get().db.select().from(wallets).where(eq(wallets.accountId, accountId));
    return wallet?.cash ?? "0";
  }
  async function order(id: string) {
    const [row] = await get().db.select().from(topUpOrders).where(eq(topUpOrders.id, id));
    return row;
  }

  it("paid: page pay on a desktop, wap pay on a phone; only the verified notice credits, once", async () => {
    const { account, order: created, outTradeNo } = await start("88.80");
    const url = new URL(created.redirectUrl);
    expect(url.origin + url.pathname).toBe(sim.gateway);
    expect(url.searchParams.get("method")).toBe("alipay.trade.page.pay");
    expect(url.searchParams.get("notify_url")).toBe("http://console.test/api/payments/alipay/notify");
    expect(url.searchParams.get("return_url")).toBe(`http://console.test/orders/${created.orderId}`);
    const biz = JSON.parse(url.searchParams.get("biz_content") ?? "{}") as Record<string, string>;
    expect(biz).toMatchObject({ out_trade_no: outTradeNo, total_amount: "88.80", product_code: "FAST_INSTANT_TRADE_PAY", time_expire: "2026-12-03 10:30:00" });
    expect(await open(created.redirectUrl)).toContain("¥88.80");
    expect(await provider.queryTrade?.(outTradeNo)).toEqual({ state: "waiting" });
    sim.trades.get(outTradeNo)!.status = "TRADE_SUCCESS";
    // The return page asks Alipay: paid there, but nothing is credited until the notice arrives.
    expect(await provider.queryTrade?.(outTradeNo)).toEqual({ state: "paid", amount: "88.80" });
    expect(await cash(account.accountId)).toMatch(/^0(\.00)?$/);
    expect(await deliver(sim.notificationBody(outTradeNo))).toBe("credited");
    expect(await cash(account.accountId)).toBe("88.80");
    expect((await order(created.orderId))?.status).toBe("paid");
    expect((await order(created.orderId))?.providerTradeNo).toBe(sim.trades.get(outTradeNo)?.tradeNo);

    const phone = await start("12.34", "phone");
    const phoneUrl = new URL(phone.order.redirectUrl);
    expect(phoneUrl.searchParams.get("method")).toBe("alipay.trade.wap.pay");
    expect(JSON.parse(phoneUrl.searchParams.get("biz_content") ?? "{}")).toMatchObject({ product_code: "QUICK_WAP_WAY" });
    expect(await open(phone.order.redirectUrl)).toContain("wap");
    expect((await order(phone.order.orderId))?.channel).toBe("wap");
  });

  it("duplicated and out-of-order notifications credit once (TRADE_FINISHED first, then TRADE_SUCCESS, repeats, concurrently)", async () => {
    const { account, order: created, outTradeNo } = await start("50.00");
    await open(created.redirectUrl);
    const finished = sim.notificationBody(outTradeNo, { status: "TRADE_FINISHED" });
    const success = sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS" });
    const outcomes = await Promise.all([finished, success, success, finished, success].map((body) => deliver(body)));
    expect(outcomes.filter((o) => o === "credited")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(4);
    // A late TRADE_CLOSED (the trade closed after a full refund at Alipay) does not reopen or close a paid order.
    expect(await deliver(sim.notificationBody(outTradeNo, { status: "TRADE_CLOSED" }))).toBe("not-paid");
    expect(await cash(account.accountId)).toBe("50.00");
    expect((await order(created.orderId))?.status).toBe("paid");
    const notices = await get().db.select().from(paymentNotices).where(eq(paymentNotices.topUpOrderId, created.orderId));
    expect(notices).toHaveLength(6);
    expect(notices.every((n) => !n.attention)).toBe(true);
    expect(await ledgerProblems(get().db, account.accountId)).toEqual([]);
  });

  it("a forged signature, a tampered amount, a wrong amount, a wrong app id and another account's order credit nothing", async () => {
    const { account, order: created, outTradeNo } = await start("20.00");
    await open(created.redirectUrl);
    const forger = alipayTestKeys();
    expect(await deliver(sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS", signWith: forger.alipayPrivateKey }))).toBe("forged");
    expect(await deliver(sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS", tamper: { total_amount: "2000.00" } }))).toBe("forged");
    expect(await deliver(sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS", amount: "20.01" }))).toBe("amount-mismatch");
    expect(await deliver(sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS", amount: "2" }))).toBe("amount-mismatch");
    expect(await deliver(sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS", appId: "2021000000009999" }))).toBe("app-mismatch");
    // Someone else's pending order, named in a notice about this trade's payment: the amounts differ, nothing moves.
    const other = await start("999.00");
    expect(await deliver(sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS", outTradeNo: other.outTradeNo }))).toBe("amount-mismatch");
    expect(await deliver(sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS", outTradeNo: "f".repeat(32) }))).toBe("unknown-order");
    expect(await cash(account.accountId)).toMatch(/^0(\.00)?$/);
    expect(await cash(other.account.accountId)).toMatch(/^0(\.00)?$/);
    expect((await order(created.orderId))?.status).toBe("pending");
    const held = await get().db.select().from(paymentNotices).where(eq(paymentNotices.providerOrderId, outTradeNo));
    expect(held.map((n) => n.outcome).sort()).toEqual(["amount-mismatch", "amount-mismatch", "app-mismatch"]);
    expect(held.every((n) => n.attention)).toBe(true);
    // The genuine notice still credits the right account, once.
    expect(await deliver(sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS" }))).toBe("credited");
    expect(await cash(account.accountId)).toBe("20.00");
    expect(await cash(other.account.accountId)).toMatch(/^0(\.00)?$/);
  });

  it("abandoned: an expired order is closed at Alipay and here; a payment notice after that is held for staff, never credited", async () => {
    const { account, order: created, outTradeNo } = await start("30.00");
    await open(created.redirectUrl);
    const early = await closeExpiredTopUps({ ctx: account.system(new Date(NOW.getTime() + 29 * 60_000)), provider });
    expect((await order(created.orderId))?.status).toBe("pending");
    expect(early.failed).toBe(0);
    const report = await closeExpiredTopUps({ ctx: account.system(new Date(NOW.getTime() + 31 * 60_000)), provider });
    expect(report.closed).toBeGreaterThanOrEqual(1);
    expect(sim.trades.get(outTradeNo)?.status).toBe("TRADE_CLOSED");
    const closed = await order(created.orderId);
    expect(closed?.status).toBe("closed");
    expect(closed?.closedAt).not.toBeNull();
    expect(await deliver(sim.notificationBody(outTradeNo, { status: "TRADE_SUCCESS" }))).toBe("closed-order");
    expect(await cash(account.accountId)).toMatch(/^0(\.00)?$/);
    const [held] = await get().db.select().from(paymentNotices).where(eq(paymentNotices.topUpOrderId, created.orderId));
    expect(held?.attention).toBe(true);
    // Shown to staff on their home page, with the account's name.
    const staffCtx = { db: get().db, actor: { type: "staff" as const, userId: account.userId, role: "support" as const }, now: NOW };
    const listed = (await heldPaymentNotices({ ctx: staffCtx })).find((n) => n.id === held?.id);
    expect(listed).toMatchObject({ outcome: "closed-order", accountId: account.accountId, accountName: "Test Co", amount: "30.00" });
    await expect(heldPaymentNotices({ ctx: account.customer() })).rejects.toThrow(/staff-only/);

    // The customer abandons a fresh order from its page; one never opened at Alipay closes too (ACQ.TRADE_NOT_EXIST).
    const never = await start("1.00");
    expect(await abandonTopUp({ ctx: never.account.customer(), input: { orderId: never.order.orderId }, provider })).toEqual({ result: "closed" });
    expect((await order(never.order.orderId))?.status).toBe("closed");
    // Another account cannot close it.
    await expect(abandonTopUp({ ctx: account.customer(), input: { orderId: (await start("2.00")).order.orderId }, provider })).rejects.toThrow(/top-up-not-found/);
  });

  it("an order paid at Alipay is not closed when it expires: the notice is awaited", async () => {
    const { account, order: created, outTradeNo } = await start("40.00");
    await open(created.redirectUrl);
    sim.trades.get(outTradeNo)!.status = "TRADE_SUCCESS";
    await closeExpiredTopUps({ ctx: account.system(new Date(NOW.getTime() + 60 * 60_000)), provider });
    expect((await order(created.orderId))?.status).toBe("pending");
    expect(await deliver(sim.notificationBody(outTradeNo))).toBe("credited");
    expect(await cash(account.accountId)).toBe("40.00");
  });
});
