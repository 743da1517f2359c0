import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { packs, topUpOrders } from "@/db/schema";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { requestRefund } from "@/lib/refunds/request";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount, testProvider, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { creditAccount } from "@/lib/wallet/credit";
import { listTransactions } from "@/lib/wallet/balance";
import { confirmTopUp, createTopUp } from "@/lib/wallet/top-up";
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

  it("Balance names a top-up and a purchase by the number Orders shows, the day the order was made (not the day it was paid)", async () => {
    const db = get().db;
    // Ordered a minute before midnight in Beijing on 2 December, paid two minutes later on the 3rd.
    const ordered = new Date("2026-12-02T15:59:00Z");
    const paidAt = new Date("2026-12-02T16:01:00Z");
    const account = await newAccount(db, ordered, "orders-numbers");
    await activateProduct({ ctx: account.customer(ordered), input: { product: "scan", acceptTerms: true } });
    const order = await createTopUp({ ctx: account.customer(ordered), input: { amount: "2000.00" }, provider: testProvider, returnUrl: "/balance" });
    await confirmTopUp({ ctx: account.system(paidAt), providerId: testProvider.id, notice: { orderId: order.orderId, providerOrderId: `sbx_${order.orderId.replaceAll("-", "")}`, amount: "2000.00", status: "paid" } });
    const bought = await purchase({ ctx: account.customer(paidAt), input: { idempotencyKey: `n-${Date.now()}`, item: "scan.code-recognition:1k", quantity: 1 } });

    const orders = (await listOrders({ ctx: account.customer(paidAt), input: {} })).orders;
    const numberOf = (id: string) => orders.find((o) => o.id === id)?.number;
    expect(numberOf(order.orderId)).toMatch(/^TU-20261202-/);
    const movements = await listTransactions({ ctx: account.customer(paidAt) });
    const byDocument = new Map(movements.map((m) => [m.documentId, m.orderNumber]));
    expect(byDocument.get(order.orderId)).toBe(numberOf(order.orderId));
    expect(byDocument.get(bought.purchaseId)).toBe(numberOf(bought.purchaseId));
    expect(byDocument.get(bought.purchaseId)).toMatch(/^PO-20261203-/);
  });
});
