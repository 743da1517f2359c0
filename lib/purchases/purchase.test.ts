import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { licences, packs, purchases, qpsGrants } from "@/db/schema";
import { activateProduct } from "@/lib/packs/activation";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet, listTransactions, listVouchers } from "@/lib/wallet/balance";
import { creditAccount, grantVoucher } from "@/lib/wallet/credit";
import { allocateCents } from "./allocate";
import { purchase } from "./purchase";

const at = new Date("2026-11-22T02:00:00Z");
let keyCounter = 0;
const key = () => `test-key-${Date.now()}-${++keyCounter}`;

describeEachDatabase("purchases", (database) => {
  const db = () => database().db;

  async function fundedAccount(cash: string, products: ("scan" | "recognition" | "body" | "processing")[] = ["scan"]) {
    const account = await newAccount(db(), at, "buy");
    for (const product of products) await activateProduct({ ctx: account.customer(), input: { product, acceptTerms: true } });
    if (cash !== "0") await topUp(account, cash);
    return account;
  }

  it("buys packs paying voucher, then gift, then income... then cash, and delivers them for a year", async () => {
    const account = await fundedAccount("2000");
    await creditAccount({ ctx: account.system(), input: { accountId: account.accountId, amount: "50", to: "gift", reason: "goodwill" } });
    const { voucherId } = await grantVoucher({
      ctx: account.system(),
      input: { accountId: account.accountId, amount: "100", products: ["scan"], expiresAt: new Date("2027-01-01T00:00:00Z"), reason: "welcome" },
    });
    const result = await purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "scan.code-recognition:10k", quantity: 2, voucherId } });
    expect(result).toMatchObject({ duplicate: false, amount: "1600.00", paid: { voucher: "100.00", gift: "50.00", income: "0.00", cash: "1450.00" } });
    expect(await getWallet({ ctx: account.customer() })).toMatchObject({ cash: "550.00", gift: "0.00" });
    expect((await listVouchers({ ctx: account.customer() }))[0]?.remaining).toBe("0.00");
    const bought = await db().select().from(packs).where(eq(packs.purchaseId, result.purchaseId));
    expect(bought).toHaveLength(2);
    expect(bought.map((p) => [p.size, p.remaining, p.source, p.expiresAt.toISOString()])).toEqual(Array(2).fill([10_000, 10_000, "purchase", "2027-11-22T02:00:00.000Z"]));
    // Each pack carries its share of what each source paid; the shares add up to the purchase.
    expect(bought.map((p) => [p.paidVoucher, p.paidGift, p.paidCash])).toEqual([
      ["50.00", "25.00", "725.00"],
      ["50.00", "25.00", "725.00"],
    ]);
    const tx = (await listTransactions({ ctx: account.customer() })).find((t) => t.kind === "purchase");
    expect(tx).toMatchObject({ kind: "purchase", documentId: result.purchaseId, changes: { cash: "-1450.00", gift: "-50.00", voucher: "-100.00" } });
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
  });

  it("charges once for a repeated idempotency key and returns the first result", async () => {
    const account = await fundedAccount("1000");
    const k = key();
    const first = await purchase({ ctx: account.customer(), input: { idempotencyKey: k, item: "scan.code-recognition:1k", quantity: 1 } });
    const again = await purchase({ ctx: account.customer(), input: { idempotencyKey: k, item: "scan.code-recognition:1k", quantity: 1 } });
    expect(again).toMatchObject({ purchaseId: first.purchaseId, duplicate: true, amount: "100.00" });
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("900.00");
    expect(await db().select().from(purchases).where(eq(purchases.accountId, account.accountId))).toHaveLength(1);
  });

  it("refuses what the balance can't cover, with the amounts, and charges nothing", async () => {
    const account = await fundedAccount("100");
    const { voucherId } = await grantVoucher({
      ctx: account.system(),
      input: { accountId: account.accountId, amount: "30", products: ["scan"], expiresAt: new Date("2027-01-01T00:00:00Z"), reason: "x" },
    });
    await expect(purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "scan.code-recognition:10k", quantity: 1, voucherId } })).rejects.toMatchObject({
      code: "insufficient-balance",
      params: { price: "¥800.00", voucherPays: "¥30.00", needed: "¥770.00", available: "¥100.00", shortfall: "¥670.00" },
    });
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("100.00");
    expect((await listVouchers({ ctx: account.customer() }))[0]?.remaining).toBe("30.00");
    expect(await db().select().from(packs).where(and(eq(packs.source, "purchase"), eq(packs.accountId, account.accountId)))).toHaveLength(0);
  });

  it("refuses a voucher for another product, or expired, naming it, and charges nothing (issue 9 item 9)", async () => {
    const account = await fundedAccount("100");
    const { voucherId: bodyOnly } = await grantVoucher({
      ctx: account.system(),
      input: { accountId: account.accountId, amount: "30", products: ["body"], expiresAt: new Date("2027-01-01T00:00:00Z"), reason: "x" },
    });
    await expect(purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "scan.code-recognition:1k", quantity: 1, voucherId: bodyOnly } })).rejects.toMatchObject({
      code: "voucher-wrong-product",
      field: "voucherId",
      params: { voucher: "¥30.00 (body)", product: "scan" },
    });
    const { voucherId: expired } = await grantVoucher({
      ctx: account.system(),
      input: { accountId: account.accountId, amount: "20", products: ["scan"], expiresAt: new Date(at.getTime() + 60_000), reason: "x" },
    });
    const later = new Date(at.getTime() + 120_000);
    await expect(purchase({ ctx: account.customer(later), input: { idempotencyKey: key(), item: "scan.code-recognition:1k", quantity: 1, voucherId: expired } })).rejects.toMatchObject({
      code: "voucher-expired",
      field: "voucherId",
      params: { voucher: "¥20.00 (scan)" },
    });
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("100.00");
    expect(await db().select().from(packs).where(and(eq(packs.source, "purchase"), eq(packs.accountId, account.accountId)))).toHaveLength(0);
  });

  it("refuses a pack of a product not activated, an unknown item, and someone else's voucher", async () => {
    const account = await fundedAccount("1000");
    const other = await newAccount(db(), at, "other");
    const { voucherId } = await grantVoucher({
      ctx: other.system(),
      input: { accountId: other.accountId, amount: "30", products: ["scan"], expiresAt: new Date("2027-01-01T00:00:00Z"), reason: "x" },
    });
    await expect(purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "body.detection:10k", quantity: 1 } })).rejects.toMatchObject({ code: "not-activated" });
    await expect(purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "processing.quality:10k", quantity: 1 } })).rejects.toMatchObject({ code: "unknown-item" });
    await expect(purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "scan.code-recognition:1k", quantity: 1, voucherId } })).rejects.toMatchObject({
      code: "voucher-not-found",
    });
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("1000.00");
  });

  it("buys QPS for the body group at the tier reached, up to 200 in force", async () => {
    const account = await fundedAccount("100000", ["body"]);
    const month = await purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "qps:body", quantity: 10, period: "month", periods: 2 } });
    expect(month.amount).toBe("8300.00"); // 10 × 415 × 2
    const day = await purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "qps:body", quantity: 5, period: "day", periods: 3 } });
    expect(day.amount).toBe("720.00"); // 5 × 48 × 3
    const grants = await db().select().from(qpsGrants).where(eq(qpsGrants.accountId, account.accountId));
    expect(grants.map((g) => [g.qps, g.endsAt.toISOString()]).sort()).toEqual([
      [10, "2027-01-22T02:00:00.000Z"],
      [5, "2026-11-25T02:00:00.000Z"],
    ]);
    await expect(purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "qps:body", quantity: 186, period: "day" } })).rejects.toMatchObject({
      code: "qps-limit",
      params: { held: "15", max: 200, available: 185 },
    });
    await expect(purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "qps:body", quantity: 185, period: "day" } })).resolves.toMatchObject({ amount: "5550.00" });
  });

  it("buys scan.sdk for a named app only, bound to its iOS and Android ids", async () => {
    const account = await fundedAccount("60000");
    await expect(purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "scan.sdk", quantity: 1 } })).rejects.toMatchObject({ code: "app-required" });
    const app = { name: "Shop", iosBundleId: "com.example.shop", androidPackage: "com.example.shop" };
    const result = await purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "scan.sdk", quantity: 1, app } });
    expect(result.amount).toBe("50000.00");
    const [licence] = await db().select().from(licences).where(eq(licences.purchaseId, result.purchaseId));
    expect(licence).toMatchObject({ kind: "scan-sdk", appName: "Shop", iosBundleId: "com.example.shop", endsAt: null });
  });

  it("refuses to write while impersonating", async () => {
    const account = await fundedAccount("1000");
    const ctx = { db: db(), actor: { type: "impersonation" as const, staffUserId: "s", accountId: account.accountId }, now: at };
    await expect(purchase({ ctx, input: { idempotencyKey: key(), item: "scan.code-recognition:1k", quantity: 1 } })).rejects.toMatchObject({ code: "read-only-impersonation" });
  });
});

it("allocates cents over packs so the parts add up exactly", () => {
  expect(allocateCents("100.00", 3).map((d) => d.toFixed(2))).toEqual(["33.34", "33.33", "33.33"]);
  expect(allocateCents("0.02", 3).map((d) => d.toFixed(2))).toEqual(["0.01", "0.01", "0.00"]);
  expect(allocateCents("1600.00", 2).map((d) => d.toFixed(2))).toEqual(["800.00", "800.00"]);
});
