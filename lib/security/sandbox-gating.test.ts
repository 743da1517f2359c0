import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount, testProvider } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { paymentProvider, topUpProvider } from "@/lib/wallet/providers";
import { configuredPaymentProvider, sandboxPaymentsEnabled } from "@/lib/wallet/providers/config";
import { openSandboxOrder, paySandboxOrder } from "@/lib/wallet/sandbox-checkout";
import { createTopUp } from "@/lib/wallet/top-up";

/**
 * Issue 9 item 1: the sandbox provider is on only where configured (by default only on the
 * embedded demo database), and only the order's owner, signed in, can open or pay its order.
 */
const at = new Date("2026-11-22T02:00:00Z");
const saved = { provider: process.env.PAYMENT_PROVIDER, url: process.env.DATABASE_URL };

function setEnv(provider: string | undefined, databaseUrl: string | undefined): void {
  if (provider === undefined) delete process.env.PAYMENT_PROVIDER;
  else process.env.PAYMENT_PROVIDER = provider;
  if (databaseUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = databaseUrl;
}

afterEach(() => setEnv(saved.provider, saved.url));

describe("PAYMENT_PROVIDER", () => {
  it("defaults to the sandbox on the embedded database only", () => {
    expect(configuredPaymentProvider({})).toBe("sandbox");
    expect(configuredPaymentProvider({ DATABASE_URL: "" })).toBe("sandbox");
    expect(configuredPaymentProvider({ DATABASE_URL: "postgres://x@127.0.0.1/db" })).toBeNull();
  });

  it("takes sandbox or none explicitly, and refuses anything else", () => {
    expect(configuredPaymentProvider({ DATABASE_URL: "postgres://x@127.0.0.1/db", PAYMENT_PROVIDER: "sandbox" })).toBe("sandbox");
    expect(configuredPaymentProvider({ PAYMENT_PROVIDER: "none" })).toBeNull();
    expect(() => configuredPaymentProvider({ PAYMENT_PROVIDER: "wechat" })).toThrow(/PAYMENT_PROVIDER/);
  });

  it("with the sandbox off, no online top-up is offered (the callback route's 404: app/api/payments/sandbox/callback/route.test.ts)", () => {
    setEnv(undefined, "postgres://nobody@127.0.0.1:1/none");
    expect(sandboxPaymentsEnabled()).toBe(false);
    // The balance page offers no online top-up (it explains bank transfer) and the action refuses.
    expect(topUpProvider()).toBeNull();
    expect(paymentProvider("sandbox")).toBeNull();
  });
});

describeEachDatabase("sandbox checkout gating", (database) => {
  const db = () => database().db;

  async function pendingOrder() {
    const owner = await newAccount(db(), at, "sbx-owner");
    const order = await createTopUp({ ctx: owner.customer(), input: { amount: "10000000" }, provider: testProvider, returnUrl: "/balance" });
    return { owner, orderId: order.orderId };
  }

  it("lets the owner open and pay the order, credits once, and the audit row names the customer who pressed Pay", async () => {
    setEnv("sandbox", undefined);
    const { owner, orderId } = await pendingOrder();
    expect(await openSandboxOrder({ ctx: owner.customer(), input: { orderId } })).toMatchObject({ id: orderId, status: "pending", amount: "10000000.00" });
    expect(await paySandboxOrder({ ctx: owner.customer(), input: { orderId } })).toEqual({ orderId, credited: true });
    expect(await paySandboxOrder({ ctx: owner.customer(), input: { orderId } })).toEqual({ orderId, credited: false });
    expect((await getWallet({ ctx: owner.customer() })).cash).toBe("10000000.00");
    const [paid] = await db().select().from(auditLog).where(and(eq(auditLog.accountId, owner.accountId), eq(auditLog.action, "wallet.top-up-paid")));
    expect(paid).toMatchObject({ actorType: "customer", actorId: owner.userId, target: orderId });
  });

  it("answers not-found to another customer, to anonymous, to staff and to a malformed id, and pays nothing", async () => {
    setEnv("sandbox", undefined);
    const { owner, orderId } = await pendingOrder();
    const stranger = await newAccount(db(), at, "sbx-stranger");
    const staff = { db: db(), actor: { type: "staff" as const, userId: owner.userId, role: "admin" as const }, now: at };
    const anonymous = { db: db(), actor: { type: "anonymous" as const }, now: at };
    for (const ctx of [stranger.customer(), staff, anonymous]) {
      await expect(openSandboxOrder({ ctx, input: { orderId } })).rejects.toMatchObject({ code: "top-up-not-found" });
      await expect(paySandboxOrder({ ctx, input: { orderId } })).rejects.toMatchObject({ code: "top-up-not-found" });
    }
    for (const bad of ["-".repeat(36), "not-an-id", `${orderId}x`]) {
      await expect(openSandboxOrder({ ctx: owner.customer(), input: { orderId: bad } })).rejects.toMatchObject({ code: "top-up-not-found" });
    }
    expect((await getWallet({ ctx: owner.customer() })).cash).toBe("0.00");
  });

  it("answers not-found even to the owner when the sandbox is off", async () => {
    setEnv("sandbox", undefined);
    const { owner, orderId } = await pendingOrder();
    setEnv(undefined, "postgres://nobody@127.0.0.1:1/none");
    await expect(openSandboxOrder({ ctx: owner.customer(), input: { orderId } })).rejects.toMatchObject({ code: "top-up-not-found" });
    await expect(paySandboxOrder({ ctx: owner.customer(), input: { orderId } })).rejects.toMatchObject({ code: "top-up-not-found" });
    expect((await getWallet({ ctx: owner.customer() })).cash).toBe("0.00");
  });
});
