import { and, asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { messages, purchases, qpsGrants, qpsGroupModes } from "@/db/schema";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { presentMessage } from "@/lib/messaging/present";
import { activateProduct } from "@/lib/packs/activation";
import { sendRenewalReminders } from "@/lib/quota/reminders";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { renewDueQps, setQpsAutoRenew } from "./auto-renew";
import { purchase } from "./purchase";

const t0 = new Date("2026-11-01T02:00:00Z");
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

// Renewals look at every account of the database: this suite gets a database of its own.
describeEachDatabase(
  "QPS auto-renew (issue 22)",
  (database) => {
    it("renews a monthly grant once from the balance at the end of its period, says so before and after, and refuses a short balance whole", async () => {
      const db = database().db;
      const account = await newAccount(db, t0, "renew");
      await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
      await topUp(account, "2000");
      // 2 QPS for a month at 480/QPS: 960.00, leaving 1040.00.
      const bought = await purchase({ ctx: account.customer(), input: { idempotencyKey: "qps-first-buy", item: "qps:body", quantity: 2, period: "month", periods: 1 } });
      await db.insert(qpsGroupModes).values({ accountId: account.accountId, groupId: "body", mode: "qps", changedAt: t0 });
      const [grant] = await db.select().from(qpsGrants).where(eq(qpsGrants.purchaseId, bought.purchaseId));
      if (!grant) throw new Error("no grant");
      expect(grant.autoRenew).toBe(false);
      await setQpsAutoRenew({ ctx: account.customer(), input: { grantId: grant.id, on: "true" } });
      const end = grant.endsAt;

      // Three days before: the message before says what will be charged.
      expect(await sendRenewalReminders({ ctx: account.system(minutes(end, -3 * 24 * 60 + 5)) })).toEqual({ sent: 1 });
      // Two hours before: not yet.
      expect(await renewDueQps({ ctx: account.system(minutes(end, -120)) })).toEqual({ renewed: 0, failed: 0 });
      // In the last hour: renewed once, however often run-due runs.
      expect(await renewDueQps({ ctx: account.system(minutes(end, -30)) })).toEqual({ renewed: 1, failed: 0 });
      expect(await renewDueQps({ ctx: account.system(minutes(end, -29)) })).toEqual({ renewed: 0, failed: 0 });
      expect((await getWallet({ ctx: account.customer() })).cash).toBe("80.00");
      const grants = await db.select().from(qpsGrants).where(eq(qpsGrants.accountId, account.accountId)).orderBy(asc(qpsGrants.startsAt));
      expect(grants).toHaveLength(2);
      const renewed = grants[1];
      if (!renewed) throw new Error("no renewal");
      // It starts where the old one ends (no gap), at the normal price, and keeps renewing.
      expect(renewed.startsAt.toISOString()).toBe(end.toISOString());
      expect(renewed.autoRenew).toBe(true);
      const [renewal] = await db.select().from(purchases).where(eq(purchases.id, renewed.purchaseId ?? ""));
      expect({ amount: renewal?.amount, voucherId: renewal?.voucherId, key: renewal?.idempotencyKey }).toEqual({ amount: "960.00", voucherId: null, key: `auto-renew:${grant.id}` });

      // The next period: 80.00 cannot pay 960.00. Nothing charged, nothing delivered, said once.
      const next = renewed.endsAt;
      expect(await renewDueQps({ ctx: account.system(minutes(next, -30)) })).toEqual({ renewed: 0, failed: 1 });
      expect(await renewDueQps({ ctx: account.system(minutes(next, -20)) })).toEqual({ renewed: 0, failed: 1 });
      expect((await getWallet({ ctx: account.customer() })).cash).toBe("80.00");
      expect(await db.select().from(qpsGrants).where(eq(qpsGrants.accountId, account.accountId))).toHaveLength(2);
      expect(await ledgerProblems(db, account.accountId)).toEqual([]);

      const sent = await db.select().from(messages).where(and(eq(messages.accountId, account.accountId)));
      const renewMessages = sent.filter((m) => m.kind.startsWith("qps-renew")).map((m) => m.kind).sort();
      expect(renewMessages).toEqual(["qps-renew-failed", "qps-renewed", "qps-renewing"]);
      const en = createTranslator(catalogs.en, "en");
      const zh = createTranslator(catalogs["zh-CN"], "zh-CN");
      const failed = sent.find((m) => m.kind === "qps-renew-failed");
      if (!failed) throw new Error("no failure message");
      const shownEn = presentMessage(en, "en", failed);
      expect(shownEn.body).toContain("Nothing was charged and nothing was renewed");
      expect(shownEn.body).toContain("880.00");
      expect(shownEn.href).toBe("/balance");
      expect(presentMessage(zh, "zh-CN", failed).body).toContain("本次未扣费，也未续费");
      const before = sent.find((m) => m.kind === "qps-renewing");
      if (!before) throw new Error("no message before");
      expect(presentMessage(en, "en", before).body).toContain("960.00");
    });

    it("turns on only for the account's own monthly grant that has not ended", async () => {
      const db = database().db;
      const account = await newAccount(db, t0, "renew-own");
      const other = await newAccount(db, t0, "renew-other");
      await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
      await topUp(account, "100");
      const daily = await purchase({ ctx: account.customer(), input: { idempotencyKey: "qps-day-buy", item: "qps:body", quantity: 1, period: "day", periods: 1 } });
      const [grant] = await db.select().from(qpsGrants).where(eq(qpsGrants.purchaseId, daily.purchaseId));
      if (!grant) throw new Error("no grant");
      await expect(setQpsAutoRenew({ ctx: account.customer(), input: { grantId: grant.id, on: true } })).rejects.toMatchObject({ code: "auto-renew-not-available" });
      await expect(setQpsAutoRenew({ ctx: other.customer(), input: { grantId: grant.id, on: true } })).rejects.toMatchObject({ code: "not-found" });
      await expect(setQpsAutoRenew({ ctx: account.customer(), input: { grantId: "not-a-uuid", on: true } })).rejects.toThrow();
    });
  },
  { isolated: true },
);
