import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { messages, packs } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { createStaff } from "@/lib/identity/staff";
import { presentMessage } from "@/lib/messaging/present";
import { itemName } from "@/lib/i18n/names";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { requestRefund } from "@/lib/refunds/request";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { recordAuditBatch } from "@/lib/audit";
import { accessLog } from "./access-log";
import { staffAccountPage } from "./account-page";
import { goodwillCredit } from "./goodwill";
import { currentSupportView, recordSupportPageView, recordSupportRefusal, startSupportView } from "./impersonation";
import { approveRefund } from "./refund-review";
import { workQueue } from "./work-queue";

const at = new Date("2026-11-22T02:00:00Z");
const origin = { ip: "10.1.2.3", userAgent: "test-agent" };
const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
const en = createTranslator(catalogs.en, "en");
let n = 0;
const key = () => `customer-told-${Date.now()}-${++n}`;

/** Issue 19 items 5 and 7: the customer is told what staff did, and staff see what waits in words. */
describeEachDatabase("customers are told; staff see amounts and reasons", (database) => {
  const db = () => database().db;

  async function staff(role: "support" | "admin" = "support") {
    const created = await createStaff({ ctx: { db: db(), actor: { type: "system" }, now: at }, input: { email: uniqueEmail("told"), role, name: "Mei" } });
    return (now = at): ServiceContext => ({ db: db(), actor: { type: "staff", userId: created.userId, role }, now });
  }

  const inbox = async (accountId: string) => db().select().from(messages).where(eq(messages.accountId, accountId));

  it("a goodwill credit sends the customer a message with the amount and the reason", async () => {
    const account = await newAccount(db(), at, "goodwill");
    await goodwillCredit({ ctx: (await staff("admin"))(), input: { accountId: account.accountId, amount: "25.5", reason: "sorry for the outage" } });
    const [message] = (await inbox(account.accountId)).filter((m) => m.kind === "goodwill-credit");
    expect(message).toBeDefined();
    expect(presentMessage(en, "en", { kind: "goodwill-credit", params: message!.params as Record<string, string> })).toMatchObject({
      title: "Credit added: ¥25.50",
      body: "Support added ¥25.50 to your gift balance: sorry for the outage",
      href: "/balance",
    });
  });

  it("the start of a support view sends a message naming the staff member and the reason; refused writes and pages are in the log by name", async () => {
    const account = await newAccount(db(), at, "viewed");
    const support = await staff();
    const staffUserId = (support().actor as { userId: string }).userId;
    const started = await startSupportView({ ctx: support(), input: { accountId: account.accountId, reason: "checking a disputed bill" }, origin });
    const [message] = (await inbox(account.accountId)).filter((m) => m.kind === "support-view-started");
    expect(presentMessage(en, "en", { kind: "support-view-started", params: message!.params as Record<string, string> }).body).toContain("Mei from support opened a read-only view of your console: checking a disputed bill.");

    const view = await currentSupportView(db(), staffUserId, started.id, later(1));
    if (!view) throw new Error("view not live");
    const viewCtx: ServiceContext = { db: db(), actor: { type: "impersonation", staffUserId, accountId: account.accountId }, now: later(1) };
    await recordSupportPageView(viewCtx, view, "/checkout");
    await recordSupportRefusal(viewCtx, view, "checkout#purchaseAction");
    await recordSupportRefusal({ ...viewCtx, now: later(2) }, view, "balance#topUpAction");
    const [session] = (await accessLog({ ctx: account.customer(later(3)) })).sessions;
    expect(session?.pages).toEqual(["/checkout"]);
    expect(session?.refused.map((r) => r.action)).toEqual(["checkout#purchaseAction", "balance#topUpAction"]);
  });

  it("a refund approved at once is told like one approved after review; a held one shows its amount and reason in the queue, then stays confirmed", async () => {
    const account = await newAccount(db(), at, "refunds");
    await activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } });
    await topUp(account, "1000");
    const bought = [];
    for (let i = 0; i < 4; i++) {
      const p = await purchase({ ctx: account.customer(), input: { idempotencyKey: key(), item: "scan.code-recognition:1k", quantity: 1 } });
      const [pack] = await db().select().from(packs).where(eq(packs.purchaseId, p.purchaseId));
      bought.push(pack!);
    }
    await requestRefund({ ctx: account.customer(), input: { packId: bought[0]!.id } });
    const [told] = (await inbox(account.accountId)).filter((m) => m.kind === "refund-complete");
    expect(presentMessage(en, "en", { kind: "refund-complete", params: told!.params as Record<string, string> }).title).toBe(`Refund complete: ${itemName(en, "scan.code-recognition:1k")}`);

    for (const pack of bought.slice(1, 3)) await requestRefund({ ctx: account.customer(), input: { packId: pack.id } });
    const held = await requestRefund({ ctx: account.customer(), input: { packId: bought[3]!.id } });
    expect(held.status).toBe("pending-review");
    const support = await staff();
    const queued = (await workQueue({ ctx: support(later(30)) })).refunds.find((r) => r.id === held.refundId);
    expect(queued?.detail).toEqual({ kind: "refund", amount: "100.00", pack: "scan.code-recognition:1k", api: "scan.code-recognition", recentRefunds: 3 });

    await approveRefund({ ctx: support(later(60)), input: { refundId: held.refundId } });
    const page = await staffAccountPage({ ctx: support(later(61)), input: { accountId: account.accountId } });
    expect(page.pendingRefunds).toEqual([]);
    expect(page.decidedRefunds.map((r) => [r.id, r.status])).toEqual([[held.refundId, "approved"]]);
    // The four bought packs are refunded: listed apart from the valid free ones, each with its state.
    expect(page.packs.ended.map((p) => [p.source, p.status])).toEqual(Array.from({ length: 4 }, () => ["purchase", "refunded"]));
    expect(page.packs.endedTotal).toBe(4);
    expect(page.packs.current.length).toBeGreaterThan(0);
    expect(page.packs.current.every((p) => p.source === "free" && p.status === "active")).toBe(true);
    expect(page.auditTotal).toBe(page.audit.length);
  });

  it("the staff account page shows the latest 50 audit rows and counts them all", async () => {
    const account = await newAccount(db(), at, "trail");
    const system: ServiceContext = { db: db(), actor: { type: "system" }, now: at };
    await recordAuditBatch(system, Array.from({ length: 60 }, (_, i) => ({ action: "wallet.credit" as const, accountId: account.accountId, target: String(i) })));
    const page = await staffAccountPage({ ctx: (await staff())(later(1)), input: { accountId: account.accountId } });
    expect(page.audit).toHaveLength(50);
    expect(page.auditTotal).toBeGreaterThanOrEqual(60);
  });
});
