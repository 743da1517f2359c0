import { and, asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, licenceQuotes, licences, messages, purchases } from "@/db/schema";
import { runDue } from "@/lib/billing/run-due";
import type { ServiceContext } from "@/lib/context";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { createStaff } from "@/lib/identity/staff";
import { presentMessage } from "@/lib/messaging/present";
import { activateProduct } from "@/lib/packs/activation";
import { listLicences, startOfflineSdkTrial } from "@/lib/quota/licences";
import { sendRenewalReminders } from "@/lib/quota/reminders";
import { requestFormalLicence } from "@/lib/quota/requests";
import { quoteLicence } from "@/lib/support/licence-quote";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { grantVoucher } from "@/lib/wallet/credit";
import { licenceRenewalKey, renewDueLicences, setLicenceAutoRenew } from "./licence-auto-renew";
import { purchase } from "./purchase";

const t0 = new Date("2026-11-01T02:00:00Z");
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);
const DAY = 24 * 60;

/** A customer holding a formal offline-SDK licence bought from support's quote (`price` for `years`). */
async function licensed(db: ServiceContext["db"], prefix: string, price: string, years: number, balance: string) {
  const account = await newAccount(db, t0, prefix);
  await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
  const staff = await createStaff({ ctx: account.system(), input: { email: uniqueEmail(`${prefix}-staff`), role: "support" } });
  const { requestId } = await requestFormalLicence({ ctx: account.customer(), input: { packageName: `com.${prefix}.kiosk`, years, note: "" } });
  const { quoteId } = await quoteLicence({ ctx: { db, actor: { type: "staff", userId: staff.userId, role: "support" }, now: t0 }, input: { requestId, price, years } });
  await topUp(account, balance);
  const bought = await purchase({ ctx: account.customer(), input: { idempotencyKey: `${prefix}-buy`, item: "body.offline-sdk:formal", quantity: 1, quoteId } });
  const [licence] = await db.select().from(licences).where(eq(licences.purchaseId, bought.purchaseId));
  if (!licence?.endsAt) throw new Error("no licence");
  return { account, quoteId, licence: { ...licence, endsAt: licence.endsAt } };
}

// Renewals look at every account of the database: this suite gets a database of its own.
describeEachDatabase(
  "offline-SDK licence auto-renew (issue 22)",
  (database) => {
    it("renews a formal licence once at its quote's price and years, says so before and after, and refuses a short balance whole", async () => {
      const db = database().db;
      // 1,200.00 for 2 years; 3,000.00 topped up leaves 1,800.00.
      const { account, quoteId, licence } = await licensed(db, "lrenew", "1200.00", 2, "3000");
      expect(licence.autoRenew).toBe(false);
      // A voucher is never applied on the customer's behalf.
      await grantVoucher({ ctx: account.system(), input: { accountId: account.accountId, amount: "100", products: ["body"], expiresAt: minutes(licence.endsAt, 60 * DAY), reason: "test" } });
      await setLicenceAutoRenew({ ctx: account.customer(), input: { licenceId: licence.id, on: "true" } });
      const audit = await db.select().from(auditLog).where(and(eq(auditLog.accountId, account.accountId), eq(auditLog.action, "licence.auto-renew-on")));
      expect(audit).toHaveLength(1);
      const end = licence.endsAt;

      // 30 days before: the message before says the price instead of "ends soon".
      expect(await sendRenewalReminders({ ctx: account.system(minutes(end, -30 * DAY + 5)) })).toEqual({ sent: 1 });
      // Four days before: not yet.
      expect(await renewDueLicences({ ctx: account.system(minutes(end, -4 * DAY)) })).toEqual({ renewed: 0, failed: 0 });
      // From three days before, through run-due: renewed once, however often it runs.
      expect((await runDue({ ctx: account.system(minutes(end, -3 * DAY + 10)), senders: {} })).licencesRenewed).toBe(1);
      expect(await renewDueLicences({ ctx: account.system(minutes(end, -3 * DAY + 11)) })).toEqual({ renewed: 0, failed: 0 });
      expect(await renewDueLicences({ ctx: account.system(minutes(end, -30)) })).toEqual({ renewed: 0, failed: 0 });
      expect((await getWallet({ ctx: account.customer() })).cash).toBe("600.00");

      const held = await db.select().from(licences).where(eq(licences.accountId, account.accountId)).orderBy(asc(licences.startsAt));
      expect(held).toHaveLength(2);
      const renewed = held[1];
      if (!renewed?.endsAt) throw new Error("no renewal");
      // It starts where the old one ends (no gap), for the quote's years, bound to the same package, and keeps renewing.
      expect(renewed.startsAt.toISOString()).toBe(end.toISOString());
      expect(renewed.endsAt.toISOString()).toBe(new Date(Date.UTC(end.getUTCFullYear() + 2, end.getUTCMonth(), end.getUTCDate(), end.getUTCHours(), end.getUTCMinutes())).toISOString());
      expect({ kind: renewed.kind, pkg: renewed.androidPackage, autoRenew: renewed.autoRenew }).toEqual({ kind: "offline-sdk-formal", pkg: "com.lrenew.kiosk", autoRenew: true });
      const [renewal] = await db.select().from(purchases).where(eq(purchases.id, renewed.purchaseId ?? ""));
      expect({ amount: renewal?.amount, voucher: renewal?.paidVoucher, voucherId: renewal?.voucherId, key: renewal?.idempotencyKey, quote: (renewal?.details as { quoteId?: string }).quoteId }).toEqual({
        amount: "1200.00",
        voucher: "0.00",
        voucherId: null,
        key: licenceRenewalKey(licence.id, end),
        quote: quoteId,
      });
      // The quote stays paid by its first purchase.
      const [quote] = await db.select().from(licenceQuotes).where(eq(licenceQuotes.id, quoteId));
      expect({ status: quote?.status, purchase: quote?.purchaseId }).toEqual({ status: "paid", purchase: licence.purchaseId });
      // The page's list says the new licence can be turned off, and the old one too until it ends.
      const listed = await listLicences({ ctx: account.customer(minutes(end, -60)) });
      expect(listed.filter((l) => l.renewable)).toHaveLength(2);

      // The next period: 600.00 cannot pay 1,200.00. Nothing charged, nothing delivered, said once.
      const next = renewed.endsAt;
      expect(await renewDueLicences({ ctx: account.system(minutes(next, -2 * DAY)) })).toEqual({ renewed: 0, failed: 1 });
      expect(await renewDueLicences({ ctx: account.system(minutes(next, -DAY)) })).toEqual({ renewed: 0, failed: 1 });
      expect((await getWallet({ ctx: account.customer() })).cash).toBe("600.00");
      expect(await db.select().from(licences).where(eq(licences.accountId, account.accountId))).toHaveLength(2);
      expect(await ledgerProblems(db, account.accountId)).toEqual([]);
      // A day after the end it is no longer tried.
      expect(await renewDueLicences({ ctx: account.system(minutes(next, DAY + 1)) })).toEqual({ renewed: 0, failed: 0 });

      const sent = await db.select().from(messages).where(eq(messages.accountId, account.accountId));
      expect(sent.filter((m) => m.kind.startsWith("licence-renew")).map((m) => m.kind).sort()).toEqual(["licence-renew-failed", "licence-renewed", "licence-renewing"]);
      expect(sent.filter((m) => m.kind === "licence-ending")).toHaveLength(0);
      const en = createTranslator(catalogs.en, "en");
      const zh = createTranslator(catalogs["zh-CN"], "zh-CN");
      const show = (kind: string) => {
        const message = sent.find((m) => m.kind === kind);
        if (!message) throw new Error(`no ${kind}`);
        return { en: presentMessage(en, "en", message), zh: presentMessage(zh, "zh-CN", message) };
      };
      expect(show("licence-renewing").en.body).toContain("renewed for 2 years from your balance, at ¥1,200.00");
      expect(show("licence-renewed").en.body).toContain("was renewed for 2 years");
      expect(show("licence-renewed").en.href).toBe("/sdk");
      const failed = show("licence-renew-failed");
      expect(failed.en.body).toContain("Nothing was charged and nothing was renewed");
      expect(failed.en.body).toContain("¥600.00");
      expect(failed.en.href).toBe("/balance");
      expect(failed.zh.body).toContain("本次未扣费，也未续期");
    });

    it("turns on only for the account's own formal licence that has not ended; trials are never renewed; off stops it", async () => {
      const db = database().db;
      const { account, licence } = await licensed(db, "lrenew-own", "500.00", 1, "2000");
      const other = await newAccount(db, t0, "lrenew-other");
      await expect(setLicenceAutoRenew({ ctx: other.customer(), input: { licenceId: licence.id, on: true } })).rejects.toMatchObject({ code: "not-found" });
      await expect(setLicenceAutoRenew({ ctx: account.customer(minutes(licence.endsAt, 1)), input: { licenceId: licence.id, on: true } })).rejects.toMatchObject({ code: "licence-auto-renew-not-available" });
      const trial = await startOfflineSdkTrial({ ctx: account.customer(), input: { deviceIds: ["dev-1"] } });
      await expect(setLicenceAutoRenew({ ctx: account.customer(), input: { licenceId: trial.licenceId, on: true } })).rejects.toMatchObject({ code: "licence-auto-renew-not-available" });
      // Even a trial row marked by hand is not renewed: only formal licences are.
      await db.update(licences).set({ autoRenew: true }).where(eq(licences.id, trial.licenceId));
      expect(await renewDueLicences({ ctx: account.system(minutes(trial.endsAt, -60)) })).toEqual({ renewed: 0, failed: 0 });

      await setLicenceAutoRenew({ ctx: account.customer(), input: { licenceId: licence.id, on: true } });
      await setLicenceAutoRenew({ ctx: account.customer(), input: { licenceId: licence.id, on: "false" } });
      expect(await renewDueLicences({ ctx: account.system(minutes(licence.endsAt, -60)) })).toEqual({ renewed: 0, failed: 0 });
      // Without auto-renew the reminder is the plain "ends soon".
      await sendRenewalReminders({ ctx: account.system(minutes(licence.endsAt, -10 * DAY)) });
      const kinds = (await db.select().from(messages).where(eq(messages.accountId, account.accountId))).map((m) => m.kind);
      expect(kinds).toContain("licence-ending");
      expect(kinds).not.toContain("licence-renewing");
      expect((await getWallet({ ctx: account.customer() })).cash).toBe("1500.00");
    });
  },
  { isolated: true },
);
