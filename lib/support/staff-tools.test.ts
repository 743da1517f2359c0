import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { accounts, messages, packs, refunds, supportRequests } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { createStaff } from "@/lib/identity/staff";
import { authorizeCall, clearAuthorizeCache } from "@/lib/metering/authorize";
import { InProcessQpsLimiter } from "@/lib/metering/qps-limiter";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { switchQpsMode } from "@/lib/quota/mode";
import { requestQpsIncrease } from "@/lib/quota/requests";
import { requestRefund } from "@/lib/refunds/request";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { ledgerProblems, newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { goodwillCredit } from "./goodwill";
import { approveQpsRequest, declineQpsRequest } from "./qps-review";
import { approveRefund, rejectRefund } from "./refund-review";
import { liftViolation, markViolation } from "./violation";

const at = new Date("2026-11-22T02:00:00Z");
const days = (n: number) => new Date(at.getTime() + n * 86_400_000);
let n = 0;
const key = () => `staff-tools-${Date.now()}-${++n}`;

describeEachDatabase("staff tools", (database) => {
  const db = () => database().db;

  async function staff(role: "support" | "admin" = "support") {
    const created = await createStaff({ ctx: { db: db(), actor: { type: "system" }, now: at }, input: { email: uniqueEmail("tools"), role } });
    return (now = at): ServiceContext => ({ db: db(), actor: { type: "staff", userId: created.userId, role }, now });
  }

  /** A customer whose 4th refund in 30 days goes to review (REFUNDS_BEFORE_REVIEW = 3). */
  async function heldRefund() {
    const account = await newAccount(db(), at, "held");
    await activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } });
    await topUp(account, "1000");
    const bought = [];
    for (let i = 0; i < 4; i++) {
      const p = await purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "scan.code-recognition:1k", quantity: 1 } });
      const [pack] = await db().select().from(packs).where(eq(packs.purchaseId, p.purchaseId));
      if (!pack) throw new Error("no pack");
      bought.push(pack);
    }
    for (const pack of bought.slice(0, 3)) await requestRefund({ ctx: account.customer(), input: { packId: pack.id } });
    const held = await requestRefund({ ctx: account.customer(), input: { packId: bought[3]!.id } });
    expect(held.status).toBe("pending-review");
    return { account, pack: bought[3]!, refundId: held.refundId };
  }

  it("approving a held refund returns the money to its sources and tells the customer", async () => {
    const { account, pack, refundId } = await heldRefund();
    const before = await getWallet({ ctx: account.customer() });
    const support = await staff();
    await approveRefund({ ctx: support(), input: { refundId } });
    const after = await getWallet({ ctx: account.customer() });
    expect(after.cash).toBe((Number(before.cash) + 100).toFixed(2));
    const [row] = await db().select().from(packs).where(eq(packs.id, pack.id));
    expect(row?.refundedAt).not.toBeNull();
    expect(row?.refundHold).toBe(false);
    const inbox = await db().select().from(messages).where(eq(messages.accountId, account.accountId));
    expect(inbox.map((m) => m.kind)).toContain("refund-approved");
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
    await expect(approveRefund({ ctx: support(), input: { refundId } })).rejects.toMatchObject({ code: "refund-already-decided" });
  });

  it("rejecting a held refund releases the pack, keeps the money, and the customer sees the reason", async () => {
    const { account, pack, refundId } = await heldRefund();
    const before = await getWallet({ ctx: account.customer() });
    await rejectRefund({ ctx: (await staff())(), input: { refundId, reason: "too many refunds this month" } });
    expect((await getWallet({ ctx: account.customer() })).cash).toBe(before.cash);
    const [row] = await db().select().from(packs).where(eq(packs.id, pack.id));
    expect(row).toMatchObject({ refundHold: false, refundedAt: null });
    const [refund] = await db().select().from(refunds).where(eq(refunds.id, refundId));
    expect(refund).toMatchObject({ status: "rejected", reason: "too many refunds this month" });
    const inbox = await db().select().from(messages).where(eq(messages.accountId, account.accountId));
    expect(inbox.find((m) => m.kind === "refund-rejected")?.params).toMatchObject({ reason: "too many refunds this month" });
  });

  it("customers and support views cannot use staff tools; goodwill credit is admin only", async () => {
    const { account, refundId } = await heldRefund();
    await expect(approveRefund({ ctx: account.customer(), input: { refundId } })).rejects.toMatchObject({ code: "staff-only" });
    const view: ServiceContext = { db: db(), actor: { type: "impersonation", staffUserId: "00000000-0000-4000-8000-000000000001", accountId: account.accountId }, now: at };
    await expect(approveRefund({ ctx: view, input: { refundId } })).rejects.toMatchObject({ code: "staff-only" });
    await expect(goodwillCredit({ ctx: (await staff("support"))(), input: { accountId: account.accountId, amount: "10", reason: "sorry for the outage" } })).rejects.toMatchObject({ code: "staff-only" });
    const before = await getWallet({ ctx: account.customer() });
    await goodwillCredit({ ctx: (await staff("admin"))(), input: { accountId: account.accountId, amount: "10", reason: "sorry for the outage" } });
    expect((await getWallet({ ctx: account.customer() })).gift).toBe((Number(before.gift) + 10).toFixed(2));
  });

  it("QPS 300: approved from a date ≥ 7 days after the request, then a purchase of 300 works and authorize allows it", async () => {
    const account = await meteredAccount(db(), at, ["body"]);
    await topUp(account, "100000");
    const { requestId } = await requestQpsIncrease({ ctx: account.customer(), input: { group: "body", totalQps: 300, neededBy: days(10), note: "launch" } });
    await expect(purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "qps:body", quantity: 300, period: "month", periods: 1 } })).rejects.toMatchObject({ code: "qps-out-of-range" });
    const support = await staff();
    await expect(approveQpsRequest({ ctx: support(), input: { requestId, appliesFrom: days(6) } })).rejects.toMatchObject({ code: "qps-applies-too-soon" });
    await expect(approveQpsRequest({ ctx: support(), input: { requestId, appliesFrom: new Date("9999-12-31T00:00:00+08:00") } })).rejects.toMatchObject({ code: "calendar-out-of-range", field: "appliesFrom" });
    await approveQpsRequest({ ctx: support(), input: { requestId, appliesFrom: days(7) } });
    // Before the date the cap is still 200.
    await expect(purchase({ ctx: account.customer(days(6)), input: { idempotencyKey: key(), item: "qps:body", quantity: 300, period: "month", periods: 1 } })).rejects.toMatchObject({ code: "qps-out-of-range" });
    await purchase({ ctx: account.customer(days(7)), input: { idempotencyKey: key(), item: "qps:body", quantity: 300, period: "month", periods: 1 } });
    await expect(purchase({ ctx: account.customer(days(7)), input: { idempotencyKey: key(), item: "qps:body", quantity: 1, period: "month", periods: 1 } })).rejects.toMatchObject({ code: "qps-limit" });
    await switchQpsMode({ ctx: account.customer(days(7)), input: { group: "body", mode: "qps" } });
    clearAuthorizeCache();
    const answer = await authorizeCall({ ctx: account.asKey(days(7)), input: { api: "body.detection" }, limiter: new InProcessQpsLimiter() });
    expect(answer.body).toMatchObject({ allowed: true, mode: "qps", limit: 300 });
    await expect(approveQpsRequest({ ctx: support(), input: { requestId, appliesFrom: days(8) } })).rejects.toMatchObject({ code: "request-already-decided" });
  });

  it("declining a QPS request tells the customer why", async () => {
    const account = await meteredAccount(db(), at, ["body"]);
    const { requestId } = await requestQpsIncrease({ ctx: account.customer(), input: { group: "body", totalQps: 500, neededBy: days(10), note: "" } });
    await declineQpsRequest({ ctx: (await staff())(), input: { requestId, reason: "capacity is not available" } });
    const [row] = await db().select().from(supportRequests).where(eq(supportRequests.id, requestId));
    expect(row?.status).toBe("declined");
    const inbox = await db().select().from(messages).where(eq(messages.accountId, account.accountId));
    expect(inbox.find((m) => m.kind === "qps-declined")?.params).toMatchObject({ reason: "capacity is not available" });
  });

  it("a violation disables the account (authorize answers disabled, no refunds) and lifting restores it", async () => {
    const account = await meteredAccount(db(), at, ["scan"]);
    const support = await staff();
    await markViolation({ ctx: support(), input: { accountId: account.accountId, reason: "prohibited content found" } });
    clearAuthorizeCache();
    const refused = await authorizeCall({ ctx: account.asKey(), input: { api: "scan.code-recognition" }, limiter: new InProcessQpsLimiter() });
    expect(refused.body).toMatchObject({ allowed: false, reason: "disabled" });
    await expect(markViolation({ ctx: support(), input: { accountId: account.accountId, reason: "prohibited content found" } })).rejects.toMatchObject({ code: "already-disabled" });
    await liftViolation({ ctx: support(), input: { accountId: account.accountId, reason: "content removed by customer" } });
    const [row] = await db().select({ status: accounts.status }).from(accounts).where(eq(accounts.id, account.accountId));
    expect(row?.status).toBe("active");
    clearAuthorizeCache();
    const allowed = await authorizeCall({ ctx: account.asKey(), input: { api: "scan.code-recognition" }, limiter: new InProcessQpsLimiter() });
    expect(allowed.body).toMatchObject({ allowed: true });
    const kinds = (await db().select().from(messages).where(eq(messages.accountId, account.accountId))).map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(["account-disabled", "account-enabled"]));
  });
});
