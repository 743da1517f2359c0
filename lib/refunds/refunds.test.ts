import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, packs } from "@/db/schema";
import { activateProduct } from "@/lib/packs/activation";
import { drawCalls } from "@/lib/packs/draw";
import { grantGiftPack } from "@/lib/packs/gift";
import { listPacks } from "@/lib/packs/list";
import { Dec } from "@/lib/pricing";
import { purchase } from "@/lib/purchases/purchase";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, setAccountStatus, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet, listVouchers } from "@/lib/wallet/balance";
import { creditAccount, grantVoucher } from "@/lib/wallet/credit";
import { listRefunds } from "./list";
import { requestRefund } from "./request";

const at = new Date("2026-11-22T02:00:00Z");
let n = 0;
const key = () => `refund-key-${Date.now()}-${++n}`;

describeEachDatabase("refunds", (database) => {
  const db = () => database().db;

  async function buyer(cash = "5000") {
    const account = await newAccount(db(), at, "refund");
    await activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } });
    await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
    await topUp(account, cash);
    return account;
  }

  async function buyPack(account: Awaited<ReturnType<typeof buyer>>, item = "scan.code-recognition:1k", voucherId?: string, when = at) {
    const bought = await purchase({ ctx: account.customer(when), input: { idempotencyKey: key(), item, quantity: 1, voucherId } });
    const [pack] = await db().select().from(packs).where(eq(packs.purchaseId, bought.purchaseId));
    if (!pack) throw new Error("no pack");
    return pack;
  }

  it("approves at once and returns to each sub-account what it paid; the voucher part is not returned", async () => {
    const account = await buyer("1000");
    await creditAccount({ ctx: account.system(), input: { accountId: account.accountId, amount: "20", to: "gift", reason: "g" } });
    const { voucherId } = await grantVoucher({
      ctx: account.system(),
      input: { accountId: account.accountId, amount: "30", products: ["scan"], expiresAt: new Date("2027-06-01T00:00:00Z"), reason: "v" },
    });
    const pack = await buyPack(account, "scan.code-recognition:1k", voucherId);
    expect(await getWallet({ ctx: account.customer() })).toMatchObject({ cash: "950.00", gift: "0.00" });
    const outcome = await requestRefund({ ctx: account.customer(), input: { packId: pack.id } });
    expect(outcome).toMatchObject({ status: "approved", returned: { gift: "20.00", income: "0.00", cash: "50.00", total: "70.00", voucherNotReturned: "30.00" } });
    expect(await getWallet({ ctx: account.customer() })).toMatchObject({ cash: "1000.00", gift: "20.00" });
    expect((await listVouchers({ ctx: account.customer() }))[0]?.remaining).toBe("0.00");
    const [view] = (await listPacks({ ctx: account.customer() })).filter((p) => p.id === pack.id);
    expect(view).toMatchObject({ status: "refunded", refund: { refundable: false, reason: "already-refunded" } });
    // A refunded pack is never drawn.
    const drawn = await drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "scan.code-recognition", calls: 1500, at } });
    expect(drawn).toMatchObject({ free: 1000, fromPacks: 0, billable: 500 });
    await expect(requestRefund({ ctx: account.customer(), input: { packId: pack.id } })).rejects.toMatchObject({ code: "not-refundable", params: { reason: "already-refunded" } });
    expect((await listRefunds({ ctx: account.customer() }))[0]).toMatchObject({ status: "approved", returnedCash: "50.00", voucherNotReturned: "30.00" });
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
  });

  it("refuses a used pack, a body pack, a gift pack, and after the 7th day", async () => {
    const account = await buyer();
    const used = await buyPack(account);
    // The free pack is drawn first, so draw past it into the bought pack.
    await drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "scan.code-recognition", calls: 1001, at } });
    await expect(requestRefund({ ctx: account.customer(), input: { packId: used.id } })).rejects.toMatchObject({ params: { reason: "used" } });
    const body = await buyPack(account, "body.detection:10k");
    await expect(requestRefund({ ctx: account.customer(), input: { packId: body.id } })).rejects.toMatchObject({ params: { reason: "product-not-refundable" } });
    const gift = await grantGiftPack({ ctx: account.system(), input: { accountId: account.accountId, packSpec: "scan.code-recognition:1k" } });
    await expect(requestRefund({ ctx: account.customer(), input: { packId: gift.packId } })).rejects.toMatchObject({ params: { reason: "not-bought" } });
    const late = await buyPack(account);
    // Delivered 2026-11-22 10:00 Shanghai: refundable through 2026-11-29 23:59:59.999 Shanghai.
    const lastMoment = new Date("2026-11-29T23:59:59.999+08:00");
    const [view] = (await listPacks({ ctx: account.customer() })).filter((p) => p.id === late.id);
    expect(view?.refund).toEqual({ refundable: true, until: lastMoment });
    await expect(requestRefund({ ctx: account.customer(new Date("2026-11-30T00:00:00+08:00")), input: { packId: late.id } })).rejects.toMatchObject({
      params: { reason: "window-passed" },
    });
    await expect(requestRefund({ ctx: account.customer(lastMoment), input: { packId: late.id } })).resolves.toMatchObject({ status: "approved" });
  });

  it("refuses refunds of a disabled account and another account's pack", async () => {
    const account = await buyer();
    const pack = await buyPack(account);
    const other = await newAccount(db(), at, "other");
    await expect(requestRefund({ ctx: other.customer(), input: { packId: pack.id } })).rejects.toMatchObject({ code: "pack-not-found" });
    await setAccountStatus(db(), account.accountId, "disabled");
    await expect(requestRefund({ ctx: account.customer(), input: { packId: pack.id } })).rejects.toMatchObject({ params: { reason: "account-disabled" } });
  });

  it("sends the 4th refund within 30 days to review, holding the pack and returning nothing yet", async () => {
    const account = await buyer();
    for (let i = 0; i < 3; i++) {
      const pack = await buyPack(account);
      expect((await requestRefund({ ctx: account.customer(), input: { packId: pack.id } })).status).toBe("approved");
    }
    const before = await getWallet({ ctx: account.customer() });
    const fourth = await buyPack(account);
    const outcome = await requestRefund({ ctx: account.customer(), input: { packId: fourth.id } });
    expect(outcome.status).toBe("pending-review");
    expect((await getWallet({ ctx: account.customer() })).cash).toBe(new Dec(before.cash).minus(100).toFixed(2));
    const [view] = (await listPacks({ ctx: account.customer() })).filter((p) => p.id === fourth.id);
    expect(view).toMatchObject({ status: "refund-pending", refund: { refundable: false, reason: "refund-pending" } });
    await expect(requestRefund({ ctx: account.customer(), input: { packId: fourth.id } })).rejects.toMatchObject({ code: "refund-pending" });
    // Held: the draw skips it (the free pack covers 1,000, the rest is billable).
    const drawn = await drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "scan.code-recognition", calls: 1200, at } });
    expect(drawn).toMatchObject({ free: 1000, fromPacks: 0, billable: 200 });
    // 31 days after the first three, the window has moved on.
    const later = new Date(at.getTime() + 31 * 24 * 3600 * 1000);
    const fresh = await buyPack(account, "scan.code-recognition:1k", undefined, later);
    expect((await requestRefund({ ctx: account.customer(later), input: { packId: fresh.id } })).status).toBe("approved");
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.accountId, account.accountId), eq(auditLog.action, "refund.pending-review")));
    expect(audit).toHaveLength(1);
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
  });
});
