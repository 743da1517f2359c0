import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { accounts, auditLog, ledgerEntries, wallets } from "@/db/schema";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, setAccountStatus, testProvider, topUp, TEST_SANDBOX_SECRET } from "@/lib/tooling/testing/wallet-fixtures";
import { Dec } from "@/lib/pricing";
import { getWallet, listTransactions, listVouchers } from "./balance";
import { creditAccount, grantVoucher } from "./credit";
import { lockWallet, postLedger, UnbalancedLedgerError } from "./ledger";
import { sandboxCallback, sandboxProvider } from "./providers/sandbox";
import { amountSchema } from "./schemas";
import { confirmTopUp, createTopUp } from "./top-up";

const at = new Date("2026-11-22T02:00:00Z");

describeEachDatabase("wallet", (database) => {
  const db = () => database().db;

  it("tops up through the sandbox: a pending order, then one credit to cash however often the callback comes", async () => {
    const account = await newAccount(db(), at);
    const order = await createTopUp({ ctx: account.customer(), input: { amount: "250.5" }, provider: testProvider, returnUrl: "/balance" });
    expect(order.redirectUrl).toBe(`/sandbox/checkout/${order.orderId}?return=%2Fbalance`);
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("0.00");
    const notice = { orderId: order.orderId, providerOrderId: `sbx_${order.orderId.replaceAll("-", "")}`, amount: "250.50", status: "paid" as const };
    const first = await confirmTopUp({ ctx: account.system(), providerId: "sandbox", notice });
    const second = await confirmTopUp({ ctx: account.system(), providerId: "sandbox", notice });
    expect([first.credited, second.credited]).toEqual([true, false]);
    expect(await getWallet({ ctx: account.customer() })).toMatchObject({ cash: "250.50", total: "250.50" });
    const txs = await listTransactions({ ctx: account.customer() });
    expect(txs).toHaveLength(1);
    expect(txs[0]).toMatchObject({ kind: "top-up", documentType: "top-up", documentId: order.orderId, changes: { cash: "250.50" } });
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.accountId, account.accountId));
    expect(audit.map((a) => a.action).filter((a) => a.startsWith("wallet."))).toEqual(["wallet.top-up-created", "wallet.top-up-paid"]);
  });

  it("refuses a notice for an unknown order or with another amount, and credits nothing", async () => {
    const account = await newAccount(db(), at);
    const order = await createTopUp({ ctx: account.customer(), input: { amount: "10" }, provider: testProvider, returnUrl: "/balance" });
    const providerOrderId = `sbx_${order.orderId.replaceAll("-", "")}`;
    await expect(
      confirmTopUp({ ctx: account.system(), providerId: "sandbox", notice: { orderId: order.orderId, providerOrderId, amount: "1000.00", status: "paid" } }),
    ).rejects.toMatchObject({ code: "top-up-amount-mismatch" });
    await expect(
      confirmTopUp({ ctx: account.system(), providerId: "sandbox", notice: { orderId: order.orderId, providerOrderId: "sbx_other", amount: "10.00", status: "paid" } }),
    ).rejects.toMatchObject({ code: "top-up-not-found" });
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("0.00");
  });

  it("a staff member impersonating the customer cannot top up (read-only)", async () => {
    const account = await newAccount(db(), at);
    const ctx = { db: db(), actor: { type: "impersonation" as const, staffUserId: "s", accountId: account.accountId }, now: at };
    await expect(createTopUp({ ctx, input: { amount: "10" }, provider: testProvider, returnUrl: "/" })).rejects.toMatchObject({ code: "read-only-impersonation" });
  });

  it("credits cash or gift as an operator only, and a credit that clears arrears restores the account", async () => {
    const account = await newAccount(db(), at);
    await expect(creditAccount({ ctx: account.customer(), input: { accountId: account.accountId, amount: "5", to: "cash", reason: "x" } })).rejects.toMatchObject({
      code: "staff-only",
    });
    // An unpaid bill left cash at -30 (SPEC §6: arrears); simulate it through the ledger.
    await db().transaction(async (tx) => {
      await lockWallet(tx, account.accountId, at);
      await postLedger(tx, {
        accountId: account.accountId,
        kind: "bill",
        idempotencyKey: "bill:test",
        documentType: "bill",
        documentId: "test",
        at,
        lines: [
          { book: "cash", amount: new Dec("-30") },
          { book: "revenue", amount: new Dec("30") },
        ],
      });
    });
    await setAccountStatus(db(), account.accountId, "arrears");
    const gift = await creditAccount({ ctx: account.system(), input: { accountId: account.accountId, amount: "10", to: "gift", reason: "goodwill" } });
    expect(gift.restored).toBe(false);
    const cash = await creditAccount({ ctx: account.system(), input: { accountId: account.accountId, amount: "20", to: "cash", reason: "bank transfer 42" } });
    expect(cash.restored).toBe(true);
    const [row] = await db().select().from(accounts).where(eq(accounts.id, account.accountId));
    expect(row?.status).toBe("active");
    expect(await getWallet({ ctx: account.customer() })).toMatchObject({ cash: "-10.00", gift: "10.00", total: "0.00" });
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
  });

  it("a disabled account stays disabled after a top-up", async () => {
    const account = await newAccount(db(), at);
    await setAccountStatus(db(), account.accountId, "disabled");
    await topUp(account, "10");
    const [row] = await db().select().from(accounts).where(eq(accounts.id, account.accountId));
    expect(row?.status).toBe("disabled");
  });

  it("grants a voucher through the ledger: its remaining is the sum of its entries", async () => {
    const account = await newAccount(db(), at);
    const { voucherId } = await grantVoucher({
      ctx: account.system(),
      input: { accountId: account.accountId, amount: "100", products: ["scan"], expiresAt: new Date("2026-12-31T16:00:00Z"), reason: "welcome" },
    });
    const list = await listVouchers({ ctx: account.customer() });
    expect(list).toEqual([expect.objectContaining({ id: voucherId, amount: "100.00", remaining: "100.00", products: ["scan"], status: "usable" })]);
    expect((await listVouchers({ ctx: account.customer(new Date("2027-01-01T00:00:00Z")) }))[0]?.status).toBe("expired");
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
  });

  it("refuses an unbalanced posting and a posting that would take gift below zero, leaving nothing behind", async () => {
    const account = await newAccount(db(), at);
    await expect(
      db().transaction(async (tx) => {
        await lockWallet(tx, account.accountId, at);
        await postLedger(tx, { accountId: account.accountId, kind: "credit", idempotencyKey: "u", documentType: "t", documentId: "t", at, lines: [{ book: "cash", amount: new Dec(1) }] });
      }),
    ).rejects.toBeInstanceOf(UnbalancedLedgerError);
    await expect(
      db().transaction(async (tx) => {
        await lockWallet(tx, account.accountId, at);
        await postLedger(tx, {
          accountId: account.accountId,
          kind: "purchase",
          idempotencyKey: "g",
          documentType: "t",
          documentId: "t",
          at,
          lines: [
            { book: "gift", amount: new Dec(-1) },
            { book: "revenue", amount: new Dec(1) },
          ],
        });
      }),
    ).rejects.toThrow();
    expect(await db().select().from(ledgerEntries).where(eq(ledgerEntries.accountId, account.accountId))).toEqual([]);
    const [wallet] = await db().select().from(wallets).where(eq(wallets.accountId, account.accountId));
    expect(wallet?.gift ?? "0").toMatch(/^0(\.00)?$/);
  });
});

it("verifies the sandbox signature over the exact body", () => {
  const provider = sandboxProvider(TEST_SANDBOX_SECRET);
  const notice = { orderId: "7b0f5c1e-7d0a-4a8e-9a4c-0d7c3f4c2a11", providerOrderId: "sbx_1", amount: "10.00", status: "paid" as const };
  const { body, headers } = sandboxCallback(TEST_SANDBOX_SECRET, notice);
  expect(provider.verifyCallback(body, new Headers(headers))).toEqual(notice);
  expect(provider.verifyCallback(body.replace("10.00", "99.00"), new Headers(headers))).toBeNull();
  expect(provider.verifyCallback(body, new Headers({ ...headers, "x-sandbox-signature": "0".repeat(64) }))).toBeNull();
  expect(sandboxProvider("another-secret").verifyCallback(body, new Headers(headers))).toBeNull();
});

it("accepts amounts as positive strings of at most two decimals", () => {
  expect(amountSchema.safeParse("0.01").success).toBe(true);
  expect(amountSchema.safeParse("100").success).toBe(true);
  for (const bad of ["0", "-1", "1.001", "1e3", "abc", "", "10000000.01"]) expect(amountSchema.safeParse(bad).success).toBe(false);
});
