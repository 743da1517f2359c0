import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, licenceQuotes, licences, messages, purchases, supportRequests } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { createStaff } from "@/lib/identity/staff";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { declineLicenceQuote, listLicenceQuotes, QUOTE_VALID_DAYS } from "@/lib/quota/licence-quotes";
import { requestFormalLicence } from "@/lib/quota/requests";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { creditAccount, grantVoucher } from "@/lib/wallet/credit";
import { quoteLicence } from "./licence-quote";

const at = new Date("2026-11-22T02:00:00Z");
const days = (n: number) => new Date(at.getTime() + n * 86_400_000);
let n = 0;
const key = () => `licence-quote-${Date.now()}-${++n}`;

describeEachDatabase("licence quotes (SPEC §2.7)", (database) => {
  const db = () => database().db;

  async function support(role: "support" | "admin" = "support") {
    const created = await createStaff({ ctx: { db: db(), actor: { type: "system" }, now: at }, input: { email: uniqueEmail("quote-staff"), role } });
    return (now = at): ServiceContext => ({ db: db(), actor: { type: "staff", userId: created.userId, role }, now });
  }

  /** A customer with body activated and a formal licence request awaiting a quote. */
  async function requester(prefix = "quote") {
    const account = await newAccount(db(), at, prefix);
    await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
    const { requestId } = await requestFormalLicence({ ctx: account.customer(), input: { packageName: "com.example.kiosk", years: 2, note: "two shops" } });
    return { account, requestId };
  }

  it("quote → pay at checkout: voucher, gift, income, cash move exactly; the licence exists; a retried key charges once", async () => {
    const { account, requestId } = await requester();
    const staff = await support();
    const { quoteId, expiresAt } = await quoteLicence({ ctx: staff(), input: { requestId, price: "1234.56", years: 2 } });
    expect(expiresAt).toEqual(days(QUOTE_VALID_DAYS));
    const [request] = await db().select().from(supportRequests).where(eq(supportRequests.id, requestId));
    expect(request?.status).toBe("quoted");
    const inbox = await db().select().from(messages).where(eq(messages.accountId, account.accountId));
    expect(inbox.find((m) => m.kind === "licence-quoted")?.params).toMatchObject({ package: "com.example.kiosk", price: "¥1,234.56", years: 2 });
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.accountId, account.accountId), eq(auditLog.action, "licence.quoted")));
    expect(audit).toHaveLength(1);

    const seen = await listLicenceQuotes({ ctx: account.customer(days(1)) });
    expect(seen).toMatchObject([{ id: quoteId, price: "1234.56", years: 2, state: "open" }]);

    await topUp(account, "1000");
    await creditAccount({ ctx: account.system(), input: { accountId: account.accountId, amount: "200", to: "gift", reason: "test" } });
    const voucher = await grantVoucher({ ctx: account.system(), input: { accountId: account.accountId, amount: "100", products: ["body"], expiresAt: days(60), reason: "test" } });
    const idempotencyKey = key();
    const input = { idempotencyKey, item: "body.offline-sdk:formal", quantity: 1, quoteId, voucherId: voucher.voucherId };
    const paid = await purchase({ ctx: account.customer(days(3)), input });
    expect(paid).toMatchObject({ duplicate: false, amount: "1234.56", paid: { voucher: "100.00", gift: "200.00", income: "0.00", cash: "934.56" } });
    const retried = await purchase({ ctx: account.customer(days(3)), input });
    expect(retried).toMatchObject({ duplicate: true, purchaseId: paid.purchaseId });
    const wallet = await getWallet({ ctx: account.customer() });
    expect(wallet).toMatchObject({ cash: "65.44", gift: "0.00", income: "0.00" });
    expect(await db().select().from(purchases).where(eq(purchases.accountId, account.accountId))).toHaveLength(1);

    const [licence] = await db().select().from(licences).where(eq(licences.accountId, account.accountId));
    expect(licence).toMatchObject({ kind: "offline-sdk-formal", androidPackage: "com.example.kiosk", purchaseId: paid.purchaseId, startsAt: days(3) });
    expect(licence?.endsAt).toEqual(new Date("2028-11-25T02:00:00Z"));
    const [quote] = await db().select().from(licenceQuotes).where(eq(licenceQuotes.id, quoteId));
    expect(quote).toMatchObject({ status: "paid", purchaseId: paid.purchaseId });
    const [closed] = await db().select().from(supportRequests).where(eq(supportRequests.id, requestId));
    expect(closed?.status).toBe("licensed");
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);

    // Paid once: a new key cannot pay it again.
    await expect(purchase({ ctx: account.customer(days(4)), input: { ...input, idempotencyKey: key() } })).rejects.toMatchObject({ code: "quote-not-open" });
  });

  it("not enough balance charges nothing and leaves the quote open", async () => {
    const { account, requestId } = await requester("quote-poor");
    const { quoteId } = await quoteLicence({ ctx: (await support())(), input: { requestId, price: "5000", years: 1 } });
    await topUp(account, "100");
    await expect(purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "body.offline-sdk:formal", quantity: 1, quoteId } })).rejects.toMatchObject({ code: "insufficient-balance" });
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("100.00");
    expect((await db().select().from(licenceQuotes).where(eq(licenceQuotes.id, quoteId)))[0]?.status).toBe("open");
    expect(await db().select().from(licences).where(eq(licences.accountId, account.accountId))).toHaveLength(0);
  });

  it("the customer declines: the quote and the request close and it can no longer be paid", async () => {
    const { account, requestId } = await requester("quote-decline");
    const { quoteId } = await quoteLicence({ ctx: (await support())(), input: { requestId, price: "800", years: 1 } });
    await declineLicenceQuote({ ctx: account.customer(days(2)), input: { quoteId } });
    const [quote] = await db().select().from(licenceQuotes).where(eq(licenceQuotes.id, quoteId));
    expect(quote).toMatchObject({ status: "declined", decidedAt: days(2) });
    expect((await db().select().from(supportRequests).where(eq(supportRequests.id, requestId)))[0]?.status).toBe("declined");
    await topUp(account, "1000");
    await expect(purchase({ ctx: account.customer(days(3)), input: { idempotencyKey: key(), item: "body.offline-sdk:formal", quantity: 1, quoteId } })).rejects.toMatchObject({ code: "quote-not-open" });
    await expect(declineLicenceQuote({ ctx: account.customer(days(3)), input: { quoteId } })).rejects.toMatchObject({ code: "quote-not-open" });
  });

  it("a quote expires 30 days after it was made: not payable, shown expired, and support may quote again", async () => {
    const { account, requestId } = await requester("quote-expiry");
    const staff = await support();
    const { quoteId } = await quoteLicence({ ctx: staff(), input: { requestId, price: "800", years: 1 } });
    await topUp(account, "1000");
    // Still open one second before, and a second quote is refused while it is.
    expect((await listLicenceQuotes({ ctx: account.customer(new Date(days(30).getTime() - 1000)) }))[0]?.state).toBe("open");
    await expect(quoteLicence({ ctx: staff(days(29)), input: { requestId, price: "700", years: 1 } })).rejects.toMatchObject({ code: "quote-still-open" });
    expect((await listLicenceQuotes({ ctx: account.customer(days(30)) }))[0]?.state).toBe("expired");
    await expect(purchase({ ctx: account.customer(days(30)), input: { idempotencyKey: key(), item: "body.offline-sdk:formal", quantity: 1, quoteId } })).rejects.toMatchObject({ code: "quote-expired" });
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("1000.00");
    const again = await quoteLicence({ ctx: staff(days(31)), input: { requestId, price: "700", years: 1 } });
    const paid = await purchase({ ctx: account.customer(days(32)), input: { idempotencyKey: key(), item: "body.offline-sdk:formal", quantity: 1, quoteId: again.quoteId } });
    expect(paid.amount).toBe("700.00");
  });

  it("another customer cannot pay or decline it; checkout refuses the item without a quote", async () => {
    const { account, requestId } = await requester("quote-owner");
    const { quoteId } = await quoteLicence({ ctx: (await support())(), input: { requestId, price: "800", years: 1 } });
    const other = await newAccount(db(), at, "quote-other");
    await activateProduct({ ctx: other.customer(), input: { product: "body", acceptTerms: true } });
    await topUp(other, "1000");
    await expect(purchase({ ctx: other.customer(), input: { idempotencyKey: key(), item: "body.offline-sdk:formal", quantity: 1, quoteId } })).rejects.toMatchObject({ code: "quote-not-found" });
    await expect(declineLicenceQuote({ ctx: other.customer(), input: { quoteId } })).rejects.toMatchObject({ code: "quote-not-found" });
    await expect(purchase({ ctx: other.customer(), input: { idempotencyKey: key(), item: "body.offline-sdk:formal", quantity: 1 } })).rejects.toMatchObject({ code: "quote-required" });
    expect((await getWallet({ ctx: other.customer() })).cash).toBe("1000.00");
    expect((await db().select().from(licenceQuotes).where(eq(licenceQuotes.id, quoteId)))[0]?.status).toBe("open");
    expect(await listLicenceQuotes({ ctx: other.customer() })).toEqual([]);
    expect(account.accountId).not.toBe(other.accountId);
  });

  it("staff only, with a price above 0 and whole years; a support view cannot quote", async () => {
    const { account, requestId } = await requester("quote-guard");
    const staff = await support();
    await expect(quoteLicence({ ctx: account.customer(), input: { requestId, price: "800", years: 1 } })).rejects.toMatchObject({ code: "staff-only" });
    await expect(
      quoteLicence({ ctx: { db: db(), actor: { type: "impersonation", staffUserId: "00000000-0000-4000-8000-000000000000", accountId: account.accountId }, now: at }, input: { requestId, price: "800", years: 1 } }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/staff-only|read-only-impersonation/) });
    for (const price of ["0", "-5", "12.345", "abc", ""]) {
      await expect(quoteLicence({ ctx: staff(), input: { requestId, price, years: 1 } })).rejects.toMatchObject({ field: "price" });
    }
    await expect(quoteLicence({ ctx: staff(), input: { requestId, price: "800", years: 1.5 } })).rejects.toMatchObject({ field: "years" });
    await expect(quoteLicence({ ctx: staff(), input: { requestId: "00000000-0000-4000-8000-000000000000", price: "800", years: 1 } })).rejects.toMatchObject({ code: "request-not-found" });
    expect(await db().select().from(licenceQuotes).where(eq(licenceQuotes.requestId, requestId))).toHaveLength(0);
  });
});
