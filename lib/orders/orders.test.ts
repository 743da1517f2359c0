import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { packs, topUpOrders } from "@/db/schema";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { requestRefund } from "@/lib/refunds/request";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount, testProvider, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { creditAccount } from "@/lib/wallet/credit";
import { createTopUp } from "@/lib/wallet/top-up";
import { allOrders, findOrder, listOrders } from "./list";
import { paidInByMethod } from "./paid-in";

const at = new Date("2026-12-03T02:00:00Z");

describeEachDatabase("the order list", (get) => {
  it("lists top-ups and purchases with number, method, split and status; filters and pages in SQL; another account's order is none", async () => {
    const db = get().db;
    const account = await newAccount(db, at, "orders");
    await activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } });
    const paidTopUp = await topUp(account, "2000", at);
    const pending = await createTopUp({ ctx: account.customer(new Date(at.getTime() + 1000)), input: { amount: "12.30" }, provider: testProvider, returnUrl: "/balance" });
    const closed = await createTopUp({ ctx: account.customer(new Date(at.getTime() + 2000)), input: { amount: "5.00" }, provider: testProvider, returnUrl: "/balance" });
    await db.update(topUpOrders).set({ status: "closed", closedAt: at }).where(eq(topUpOrders.id, closed.orderId));
    const bought = await purchase({ ctx: account.customer(new Date(at.getTime() + 3000)), input: { idempotencyKey: `o-${Date.now()}`, item: "scan.code-recognition:1k", quantity: 2 } });
    const [firstPack] = await db.select().from(packs).where(eq(packs.purchaseId, bought.purchaseId));
    await requestRefund({ ctx: account.customer(new Date(at.getTime() + 4000)), input: { packId: firstPack!.id } });

    const all = await listOrders({ ctx: account.customer(), input: {} });
    expect(all.total).toBe(4);
    expect(all.orders.map((o) => [o.kind, o.method, o.status])).toEqual([
      ["pack", "balance", "partly-refunded"],
      ["top-up", "sandbox", "closed"],
      ["top-up", "sandbox", "pending"],
      ["top-up", "sandbox", "paid"],
    ]);
    const pack = all.orders[0]!;
    expect(pack.number).toMatch(/^PO-20261203-[0-9A-F]{8}$/);
    expect(pack.item).toBe("scan.code-recognition:1k");
    expect(pack.paid).toEqual({ voucher: "0.00", gift: "0.00", income: "0.00", cash: bought.amount });
    expect(Number(pack.refunded)).toBeGreaterThan(0);
    expect(all.orders[3]?.number).toMatch(/^TU-20261203-/);
    expect(all.orders[3]?.id).toBe(paidTopUp);

    expect((await listOrders({ ctx: account.customer(), input: { kind: "top-up", status: "pending" } })).orders.map((o) => o.id)).toEqual([pending.orderId]);
    expect((await listOrders({ ctx: account.customer(), input: { method: "balance" } })).total).toBe(1);
    expect((await listOrders({ ctx: account.customer(), input: { month: "2026-11" } })).total).toBe(0);
    expect((await listOrders({ ctx: account.customer(), input: { month: "2026-12" } })).total).toBe(4);
    const page2 = await listOrders({ ctx: account.customer(), input: { page: 2, pageSize: 3 } });
    expect(page2).toMatchObject({ total: 4, page: 2 });
    expect(page2.orders.map((o) => o.id)).toEqual([paidTopUp]);
    expect(await allOrders({ ctx: account.customer(), input: { kind: "top-up" } })).toHaveLength(3);

    const other = await newAccount(db, at, "orders-other");
    expect(await findOrder({ ctx: other.customer(), input: { id: pending.orderId } })).toBeNull();
    expect((await findOrder({ ctx: account.customer(), input: { id: pending.orderId } }))?.amount).toBe("12.30");

    await creditAccount({ ctx: { db, actor: { type: "system", reason: "ops" }, now: at }, input: { accountId: account.accountId, amount: "100", to: "cash", reason: "bank transfer" } });
    await creditAccount({ ctx: { db, actor: { type: "system", reason: "ops" }, now: at }, input: { accountId: account.accountId, amount: "7", to: "gift", reason: "goodwill" } });
    expect(await paidInByMethod({ ctx: account.customer(), input: { accountId: account.accountId } })).toEqual([
      { method: "cash", amount: "100.00", real: true },
      { method: "sandbox", amount: "2000.00", real: false },
    ]);
  });
});
