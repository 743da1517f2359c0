import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, packs } from "@/db/schema";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount, setAccountStatus } from "@/lib/tooling/testing/wallet-fixtures";
import { purchase } from "@/lib/purchases/purchase";
import { creditAccount } from "@/lib/wallet/credit";
import { activateProduct } from "./activation";
import { drawCalls, packApisFor } from "./draw";
import { issueFreePacks } from "./free-packs";
import { grantGiftPack } from "./gift";
import { countSpentFreePacks, listPacks, packPage } from "./list";
import { packStatus } from "./status";

const at = new Date("2026-11-22T02:00:00Z");

describeEachDatabase("packs", (database) => {
  const db = () => database().db;

  it("activating scan issues this month's free pack and the one-time barcode grant, once", async () => {
    const account = await newAccount(db(), at, "act");
    const first = await activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } });
    expect(first).toMatchObject({ alreadyActive: false, freePacksIssued: 1, barcodeGrant: true });
    const again = await activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } });
    expect(again).toMatchObject({ alreadyActive: true, freePacksIssued: 0, barcodeGrant: false });
    const list = await listPacks({ ctx: account.customer() });
    const free = list.find((p) => p.api === "scan.code-recognition");
    expect(free).toMatchObject({ size: 1000, remaining: 1000, source: "free", freeMonth: "2026-11", status: "active", deliveredAt: at });
    // Valid this month only: until 2026-12-01 00:00 Shanghai.
    expect(free?.expiresAt.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    const grant = list.find((p) => p.api === "scan.barcode-lookup");
    expect(grant).toMatchObject({ size: 50, oneTimeGrant: "scan.barcode-lookup" });
    expect(grant?.expiresAt.toISOString()).toBe("2031-11-22T02:00:00.000Z");
    expect(list).toHaveLength(2);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.accountId, account.accountId), eq(auditLog.action, "service.activated")));
    expect(audit).toHaveLength(1);
  });

  it("activating recognition issues one free pack per API of the current book (2023-12: 8 × 1,000)", async () => {
    const account = await newAccount(db(), at, "act");
    const result = await activateProduct({ ctx: account.customer(), input: { product: "recognition", acceptTerms: true } });
    expect(result.freePacksIssued).toBe(8);
    const list = await listPacks({ ctx: account.customer() });
    expect(list.every((p) => p.size === 1000 && p.source === "free")).toBe(true);
  });

  it("lists in SQL what the packs page and the overview ask for: active packs, spent free packs left out and counted", async () => {
    const account = await newAccount(db(), at, "filt");
    await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
    const december = new Date("2026-12-01T00:05:00+08:00");
    await issueFreePacks({ ctx: account.system(december), input: { accountId: account.accountId, month: "2026-12" } });
    // In December, November's three free packs have expired; December's three are active; the grant-free body has no one-time pack.
    const ctx = account.customer(december);
    const all = await listPacks({ ctx });
    expect(all.map((p) => p.status).sort()).toEqual(["active", "active", "active", "expired", "expired", "expired"]);
    const active = await listPacks({ ctx, filters: { status: "active" } });
    expect(active.map((p) => p.freeMonth)).toEqual(["2026-12", "2026-12", "2026-12"]);
    const shown = await listPacks({ ctx, filters: { hideSpentFree: true } });
    expect(shown.map((p) => p.id).sort()).toEqual(active.map((p) => p.id).sort());
    expect(await countSpentFreePacks({ ctx })).toBe(3);
    expect(await countSpentFreePacks({ ctx, product: "scan" })).toBe(0);
    expect(await listPacks({ ctx, filters: { product: "scan" } })).toEqual([]);
    expect((await listPacks({ ctx, filters: { status: "expired" } })).map((p) => p.freeMonth)).toEqual(["2026-11", "2026-11", "2026-11"]);
    // A page at a time, newest first; a page past the last is the last.
    const first = await packPage({ ctx, page: 1, pageSize: 4 });
    expect(first).toMatchObject({ page: 1, pages: 2, total: 6 });
    expect(first.packs.map((p) => p.freeMonth)).toEqual(["2026-12", "2026-12", "2026-12", "2026-11"]);
    const last = await packPage({ ctx, page: 7, pageSize: 4 });
    expect(last).toMatchObject({ page: 2, pages: 2 });
    expect(last.packs.map((p) => p.id)).toEqual(all.slice(4).map((p) => p.id));
  });

  it("issues a month's free packs idempotently, and none to a suspended or disabled account", async () => {
    const account = await newAccount(db(), at, "free");
    await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
    const december = new Date("2026-12-01T00:05:00+08:00");
    expect(await issueFreePacks({ ctx: account.system(december), input: { accountId: account.accountId, month: "2026-12" } })).toEqual({ issued: 3 });
    expect(await issueFreePacks({ ctx: account.system(december), input: { accountId: account.accountId, month: "2026-12" } })).toEqual({ issued: 0 });
    const decemberPacks = (await listPacks({ ctx: account.customer(december) })).filter((p) => p.freeMonth === "2026-12");
    expect(decemberPacks.map((p) => p.deliveredAt.toISOString())).toEqual(Array(3).fill("2026-11-30T16:00:00.000Z"));
    await setAccountStatus(db(), account.accountId, "suspended");
    expect(await issueFreePacks({ ctx: account.system(), input: { accountId: account.accountId, month: "2027-01" } })).toEqual({ issued: 0 });
    await setAccountStatus(db(), account.accountId, "arrears");
    expect(await issueFreePacks({ ctx: account.system(), input: { accountId: account.accountId, month: "2027-01" } })).toEqual({ issued: 3 });
  });

  it("gives a suspended account no free pack when it activates, and refuses a disabled one", async () => {
    const account = await newAccount(db(), at, "susp");
    await setAccountStatus(db(), account.accountId, "suspended");
    expect((await activateProduct({ ctx: account.customer(), input: { product: "processing", acceptTerms: true } })).freePacksIssued).toBe(0);
    await setAccountStatus(db(), account.accountId, "disabled");
    await expect(activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } })).rejects.toMatchObject({ code: "account-disabled" });
  });

  it("Reading GIFT_PACKS_DRAWN_WITH_BOUGHT: the month's free pack, then gift and bought packs together by earliest expiry, then postpaid", async () => {
    const account = await newAccount(db(), at, "order");
    await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
    const giftJan = await grantGiftPack({ ctx: account.system(new Date("2026-01-10T00:00:00Z")), input: { accountId: account.accountId, packSpec: "body.detection:10k" } });
    const bought = new Date("2026-06-10T00:00:00Z");
    await creditAccount({ ctx: account.system(bought), input: { accountId: account.accountId, amount: "100000", to: "cash", reason: "test" } });
    const order = await purchase({ ctx: account.customer(bought), input: { idempotencyKey: `order-${account.accountId}`, item: "body.detection:10k", quantity: 1 } });
    const [boughtJun] = await db().select({ id: packs.id }).from(packs).where(and(eq(packs.accountId, account.accountId), eq(packs.source, "purchase")));
    expect(order).toBeTruthy();
    const giftAug = await grantGiftPack({ ctx: account.system(new Date("2026-08-10T00:00:00Z")), input: { accountId: account.accountId, packSpec: "body.detection:10k" } });
    const result = await drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "body.detection", calls: 32_000, at } });
    expect(result).toMatchObject({ free: 1000, fromPacks: 30_000, billable: 1000 });
    expect(result.packs.map((p) => [p.source, p.packId, p.used])).toEqual([
      ["free", expect.any(String), 1000],
      ["gift", giftJan.packId, 10_000],
      ["purchase", boughtJun?.id, 10_000],
      ["gift", giftAug.packId, 10_000],
    ]);
  });

  it("draws free first, then packs by earliest expiry, then billable; never a pack delivered later or expired", async () => {
    const account = await newAccount(db(), at, "draw");
    await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
    const older = await grantGiftPack({ ctx: account.system(new Date("2026-01-10T00:00:00Z")), input: { accountId: account.accountId, packSpec: "body.detection:10k" } });
    const newer = await grantGiftPack({ ctx: account.system(new Date("2026-06-10T00:00:00Z")), input: { accountId: account.accountId, packSpec: "body.detection:10k" } });
    const result = await drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "body.detection", calls: 12_000, at } });
    expect(result).toMatchObject({ free: 1000, fromPacks: 11_000, billable: 0 });
    expect(result.packs.map((p) => [p.packId, p.used, p.remaining])).toEqual([
      [expect.any(String), 1000, 0],
      [older.packId, 10_000, 0],
      [newer.packId, 1000, 9000],
    ]);
    const rest = await drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "body.detection", calls: 10_000, at } });
    expect(rest).toMatchObject({ free: 0, fromPacks: 9000, billable: 1000 });
    // Other APIs of the product are untouched.
    const library = await drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "body.library", calls: 5, at } });
    expect(library).toMatchObject({ free: 5, fromPacks: 0, billable: 0 });
    // After the month, its free pack is expired and not drawn.
    const later = await drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "body.library", calls: 5, at: new Date("2026-12-02T00:00:00Z") } });
    expect(later).toMatchObject({ free: 0, billable: 5 });
    // Before a pack's delivery it is not drawn either.
    const [row] = await db().select().from(packs).where(eq(packs.id, newer.packId));
    expect(row?.remaining).toBe(0);
  });

  it("shares the 2022-09 vehicle pool between the two vehicle APIs", async () => {
    expect(packApisFor("recognition.vehicle")).toEqual(["recognition.vehicle", "recognition.vehicle-shared"]);
    expect(packApisFor("recognition.seal")).toEqual(["recognition.seal"]);
  });

  it("derives status: refunded, then pending, expired, exhausted, active", () => {
    const base = { remaining: 5, expiresAt: new Date("2027-01-01T00:00:00Z"), refundedAt: null, refundHold: false };
    expect(packStatus(base, at)).toBe("active");
    expect(packStatus({ ...base, remaining: 0 }, at)).toBe("exhausted");
    expect(packStatus({ ...base, remaining: 0 }, new Date("2027-01-01T00:00:00Z"))).toBe("expired");
    expect(packStatus({ ...base, refundHold: true }, at)).toBe("refund-pending");
    expect(packStatus({ ...base, refundedAt: at }, new Date("2028-01-01T00:00:00Z"))).toBe("refunded");
  });

  it("refuses impossible draws", async () => {
    const account = await newAccount(db(), at, "bad");
    await expect(drawCalls({ ctx: account.system(), input: { accountId: account.accountId, api: "body.detection", calls: 0, at } })).rejects.toMatchObject({ code: "invalid-calls" });
  });
});
