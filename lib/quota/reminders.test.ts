import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { licences, messages, outbox, packs, qpsGrants, qpsGroupModes } from "@/db/schema";
import { runDue } from "@/lib/billing/run-due";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { presentMessage } from "@/lib/messaging/present";
import { updateSubscription } from "@/lib/messaging/subscriptions";
import { activateProduct } from "@/lib/packs/activation";
import { grantGiftPack } from "@/lib/packs/gift";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { sendRenewalReminders } from "./reminders";

const granted = new Date("2025-12-10T02:00:00Z"); // its gift packs expire 2026-12-10
const day = (iso: string) => new Date(`${iso}T02:00:00Z`);

// Reminders look at every account of the database: this suite gets a database of its own.
describeEachDatabase(
  "renewal reminders (run-due)",
  (database) => {
    it("reminds of a pack with calls left at 30 and 7 days, QPS ending in 3 days while billed by QPS, a trial ending in 30 days; each once, linking to its page", async () => {
      const db = database().db;
      const account = await newAccount(db, granted, "remind");
      await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
      await updateSubscription({ ctx: account.customer(), input: { topic: "body", channel: "email", enabled: true, target: "ops@example.com" } });
      const pack = await grantGiftPack({ ctx: account.system(), input: { accountId: account.accountId, packSpec: "body.detection:10k" } });
      const used = await grantGiftPack({ ctx: account.system(), input: { accountId: account.accountId, packSpec: "body.search:10k" } });
      await db.update(packs).set({ remaining: 0 }).where(eq(packs.id, used.packId));
      await db.insert(qpsGroupModes).values({ accountId: account.accountId, groupId: "body", mode: "qps", changedAt: granted });
      await db.insert(qpsGrants).values({ accountId: account.accountId, groupId: "body", qps: 5, startsAt: day("2026-10-18"), endsAt: day("2026-11-18") });
      await db.insert(licences).values({ accountId: account.accountId, kind: "offline-sdk-trial", deviceIds: ["d1"], startsAt: day("2026-10-01"), endsAt: day("2026-11-30"), createdAt: day("2026-10-01") });

      const kinds = async () => (await db.select().from(messages).where(eq(messages.accountId, account.accountId))).map((m) => m.dedupeKey).filter((k) => !k.startsWith("bill-ready")).sort();
      expect(await sendRenewalReminders({ ctx: account.system(day("2026-10-20")) })).toEqual({ sent: 0 });
      // 2026-11-15: the pack expires in 25 days, the QPS in 3, the trial in 15.
      const report = await runDue({ ctx: account.system(day("2026-11-15")), senders: {} });
      expect(report.reminders).toBe(3);
      expect(await kinds()).toEqual([`licence-ending:${(await db.select().from(licences).where(eq(licences.accountId, account.accountId)))[0]?.id}`, `pack-expiring:${pack.packId}:30`, expect.stringMatching(/^qps-ending:/)]);
      expect(await sendRenewalReminders({ ctx: account.system(day("2026-11-16")) })).toEqual({ sent: 0 });
      // 2026-12-05: the pack's 7-day reminder, once.
      expect(await sendRenewalReminders({ ctx: account.system(day("2026-12-05")) })).toEqual({ sent: 1 });
      expect(await sendRenewalReminders({ ctx: account.system(day("2026-12-06")) })).toEqual({ sent: 0 });
      expect(await kinds()).toContain(`pack-expiring:${pack.packId}:7`);

      // (run-due also closed October: its bill-ready message goes to the owner by default.)
      const sent = (await db.select().from(messages).where(eq(messages.accountId, account.accountId))).filter((m) => m.kind !== "bill-ready");
      const en = createTranslator(catalogs.en, "en");
      const zh = createTranslator(catalogs["zh-CN"], "zh-CN");
      const shown = sent.map((m) => presentMessage(en, "en", m)).sort((a, b) => a.href.localeCompare(b.href));
      expect(shown.map((s) => s.href)).toEqual(["/packs", "/packs", "/qps", "/sdk"]);
      expect(shown[0]?.body).toContain("10,000 calls");
      expect(shown[3]?.title).toBe("offline SDK trial ends soon");
      const zhTitles = sent.map((m) => presentMessage(zh, "zh-CN", m).title).join("|");
      for (const title of ["资源包即将到期", "QPS 即将到期", "离线 SDK 试用即将到期"]) expect(zhTitles).toContain(title);
      // Through the subscribed channel of the product.
      expect((await db.select().from(outbox).where(eq(outbox.accountId, account.accountId))).map((o) => o.target).filter((t) => t === "ops@example.com")).toEqual(["ops@example.com", "ops@example.com", "ops@example.com", "ops@example.com"]);
    });
  },
  { isolated: true },
);
