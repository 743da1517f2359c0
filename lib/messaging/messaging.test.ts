import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { outbox } from "@/db/schema/messaging";
import type { Actor, ServiceContext } from "@/lib/context";
import { signUp } from "@/lib/identity/sign-up";
import { describeEachDatabase, describePostgres, uniqueEmail } from "@/lib/tooling/testing/databases";
import type { ChannelSender, Delivery } from "./channels";
import { deliverDue, DELIVERY_RETRY } from "./deliver";
import { inboxPage, listMessages, markRead, unreadCount } from "./inbox";
import { notify, notifyMany } from "./notify";
import { listSubscriptions, updateSubscription } from "./subscriptions";

const t0 = new Date("2026-11-22T02:00:00Z");

/** A channel that fails while `down` is true and records what it sent. */
function flakyChannel(): ChannelSender & { down: boolean; sent: Delivery[] } {
  const channel = {
    down: true,
    sent: [] as Delivery[],
    async send(delivery: Delivery) {
      if (channel.down) throw new Error("connection refused");
      channel.sent.push(delivery);
    },
  };
  return channel;
}

async function newAccount(db: ServiceContext["db"]): Promise<{ accountId: string; actor: Actor; email: string }> {
  const email = uniqueEmail("msg");
  const { accountId, userId } = await signUp({ ctx: { db, actor: { type: "anonymous" }, now: t0 }, input: { email, password: "password-1", company: "Msg Co" } });
  return { accountId, actor: { type: "customer", userId, accountId }, email: email.toLowerCase() };
}

async function queued(db: ServiceContext["db"], accountId: string) {
  const rows = await db.select().from(outbox).where(eq(outbox.accountId, accountId));
  return rows.map((r) => [r.channel, r.target, r.subject.split(" / ")[1]]).sort();
}

describeEachDatabase("messaging", (database) => {
  it("records a message once per dedupe key and counts it unread until read", async () => {
    const db = database().db;
    const { accountId, actor } = await newAccount(db);
    const ctx: ServiceContext = { db, actor: { type: "system" }, now: t0 };
    const alert = { accountId, kind: "pack-low" as const, product: "scan", params: { pack: "scan.code-recognition:10k", remaining: 1999, percent: 19, size: 10000, threshold: 20 }, dedupeKey: "pack-low:p1:20" };
    expect(await notify(ctx, alert)).toBe(true);
    expect(await notify(ctx, alert)).toBe(false);
    const own: ServiceContext = { db, actor, now: t0 };
    expect(await unreadCount({ ctx: own })).toBe(1);
    const [message] = await listMessages({ ctx: own, input: {} });
    expect(message).toMatchObject({ kind: "pack-low", params: { remaining: 1999 } });
    expect(await markRead({ ctx: own, input: { ids: [] } })).toBe(1);
    expect(await unreadCount({ ctx: own })).toBe(0);
  });

  it("pages the inbox, newest first, to the oldest message; a filter pages its own count", async () => {
    const db = database().db;
    const { accountId, actor } = await newAccount(db);
    // 60 pack alerts a minute apart, then 3 arrears notices (billing).
    for (let i = 0; i < 60; i++) {
      const now = new Date(t0.getTime() + i * 60_000);
      await notify({ db, actor: { type: "system" }, now }, { accountId, kind: "pack-low", product: "scan", params: { pack: "scan.code-recognition:10k", remaining: 1999, percent: 19, size: 10000, threshold: 20 }, dedupeKey: `pack-low:page-${i}` });
    }
    for (let i = 0; i < 3; i++) {
      await notify({ db, actor: { type: "system" }, now: new Date(t0.getTime() + (60 + i) * 60_000) }, { accountId, kind: "arrears", product: null, params: { balance: "-¥1.00", month: "2026-10", deadline: "x" }, dedupeKey: `arrears:page-${i}` });
    }
    const own: ServiceContext = { db, actor, now: t0 };
    const all = (await listMessages({ ctx: own, input: { limit: 500 } })).map((m) => m.id);
    const first = await inboxPage({ ctx: own, input: { page: 1, pageSize: 50 } });
    const second = await inboxPage({ ctx: own, input: { page: 2, pageSize: 50 } });
    expect(first.total).toBe(all.length);
    expect(first.pages).toBe(Math.ceil(all.length / 50));
    expect([...first.messages, ...second.messages].map((m) => m.id)).toEqual(all.slice(0, 100));
    expect(first.messages[0]?.kind).toBe("arrears");
    const billing = await inboxPage({ ctx: own, input: { page: 1, pageSize: 2, topic: "billing" } });
    expect(billing).toMatchObject({ total: 3, pages: 2 });
    expect(billing.messages.map((m) => m.kind)).toEqual(["arrears", "arrears"]);
  });

  it("lists one topic, or the unread ones, when the inbox is filtered", async () => {
    const db = database().db;
    const { accountId, actor } = await newAccount(db);
    const system: ServiceContext = { db, actor: { type: "system" }, now: t0 };
    await notify(system, { accountId, kind: "pack-low", product: "scan", params: { pack: "scan.code-recognition:10k", remaining: 1999, percent: 19, size: 10000, threshold: 20 }, dedupeKey: "pack-low:f1:20" });
    await notify(system, { accountId, kind: "arrears", product: null, params: { balance: "-¥1.00", month: "2026-10", deadline: "x" }, dedupeKey: "arrears:f:2026-10" });
    const own: ServiceContext = { db, actor, now: t0 };
    const kinds = async (input: Parameters<typeof listMessages>[0]["input"]) => (await listMessages({ ctx: own, input })).map((m) => m.kind).filter((k) => k !== "member-invited");
    expect(await kinds({ topic: "packs" })).toEqual(["pack-low"]);
    expect(await kinds({ topic: "billing" })).toEqual(["arrears"]);
    const [arrears] = await listMessages({ ctx: own, input: { topic: "billing" } });
    await markRead({ ctx: own, input: { ids: [arrears?.id ?? 0] } });
    expect(await kinds({ unreadOnly: true, topic: "billing" })).toEqual([]);
    expect(await kinds({ unreadOnly: true })).toContain("pack-low");
    await db.delete(outbox).where(eq(outbox.accountId, accountId));
  });

  it("keeps accounts' inboxes apart", async () => {
    const db = database().db;
    const a = await newAccount(db);
    const b = await newAccount(db);
    await notify({ db, actor: { type: "system" }, now: t0 }, { accountId: a.accountId, kind: "arrears", product: null, params: { balance: "-¥1.00", month: "2026-10", deadline: "x" }, dedupeKey: "arrears:2026-10" });
    expect(await listMessages({ ctx: { db, actor: b.actor, now: t0 }, input: {} })).toEqual([]);
    const [message] = await listMessages({ ctx: { db, actor: a.actor, now: t0 }, input: {} });
    expect(await markRead({ ctx: { db, actor: b.actor, now: t0 }, input: { ids: [message?.id ?? 0] } })).toBe(0);
    expect(await unreadCount({ ctx: { db, actor: a.actor, now: t0 } })).toBe(1);
    await db.delete(outbox).where(eq(outbox.accountId, a.accountId)); // its default email: the other tests drain the shared outbox
  });

  it("refuses to change subscriptions while impersonating, and validates the target", async () => {
    const db = database().db;
    const { accountId, actor } = await newAccount(db);
    const viewer: Actor = { type: "impersonation", staffUserId: "s", accountId };
    await expect(updateSubscription({ ctx: { db, actor: viewer, now: t0 }, input: { topic: "scan", channel: "email", enabled: true, target: "ops@example.com" } })).rejects.toMatchObject({
      code: "read-only-impersonation",
    });
    await updateSubscription({ ctx: { db, actor, now: t0 }, input: { topic: "scan", channel: "email", enabled: true, target: "ops@example.com" } });
    const rows = await listSubscriptions({ ctx: { db, actor, now: t0 } });
    expect(rows.find((r) => r.topic === "scan" && r.channel === "email")).toMatchObject({ enabled: true, target: "ops@example.com" });
    expect(rows).toHaveLength(15);
  });

  it("sends billing and account messages to the owner's email by default, beside the inbox, without Subscriptions ever opened", async () => {
    const db = database().db;
    const { accountId, actor, email } = await newAccount(db);
    const system: ServiceContext = { db, actor: { type: "system" }, now: t0 };
    await notify(system, { accountId, kind: "bill-ready", product: null, params: { month: "2026-10", amount: "¥1.00" }, dedupeKey: "bill:2026-10" });
    await notifyMany(system, [{ accountId, kind: "arrears", product: null, params: { balance: "-¥1.00", month: "2026-10", deadline: "2026-11-02T16:00:00.000Z" }, dedupeKey: "arrears:2026-10" }]);
    await notify(system, { accountId, kind: "suspended", product: null, params: { balance: "-¥1.00" }, dedupeKey: "suspended:1" });
    await notify(system, { accountId, kind: "balance-low", product: null, params: { balance: "¥1.00", threshold: "¥5.00" }, dedupeKey: "balance-low:1" });
    await notify(system, { accountId, kind: "budget-actual", product: null, params: { percent: 80, spent: "¥8.00", budget: "¥10.00", month: "2026-11" }, dedupeKey: "budget:1" });
    // Not a billing message: a receipt stays in the inbox unless the customer subscribed.
    await notify(system, { accountId, kind: "top-up-complete", product: null, params: { amount: "¥1.00" }, dedupeKey: "top-up:1" });
    const sent = await queued(db, accountId);
    expect(sent.map(([channel, target]) => [channel, target])).toEqual(Array.from({ length: 5 }, () => ["email", email]));
    expect(sent.map(([, , title]) => title).join("|")).toMatch(/arrears/);
    const own: ServiceContext = { db, actor, now: t0 };
    expect(await unreadCount({ ctx: own })).toBe(6);
    expect((await listSubscriptions({ ctx: own })).find((r) => r.topic === "account" && r.channel === "email")).toEqual({ topic: "account", channel: "email", enabled: true, target: email });
    await db.delete(outbox).where(eq(outbox.accountId, accountId)); // the other tests drain the shared outbox
  });

  it("the customer's own account email setting wins over the default; SMS goes too once configured", async () => {
    const db = database().db;
    const { accountId, actor } = await newAccount(db);
    const own: ServiceContext = { db, actor, now: t0 };
    const system: ServiceContext = { db, actor: { type: "system" }, now: t0 };
    await updateSubscription({ ctx: own, input: { topic: "account", channel: "sms", enabled: true, target: "+8613800000001" } });
    await notify(system, { accountId, kind: "suspended", product: null, params: { balance: "-¥1.00" }, dedupeKey: "s:1" });
    expect((await queued(db, accountId)).map(([channel]) => channel)).toEqual(["email", "sms"]);
    await updateSubscription({ ctx: own, input: { topic: "account", channel: "email", enabled: false, target: "" } });
    await notify(system, { accountId, kind: "suspended", product: null, params: { balance: "-¥2.00" }, dedupeKey: "s:2" });
    expect((await queued(db, accountId)).map(([channel]) => channel)).toEqual(["email", "sms", "sms"]);
    expect((await listSubscriptions({ ctx: own })).find((r) => r.topic === "account" && r.channel === "email")).toMatchObject({ enabled: false });
    await updateSubscription({ ctx: own, input: { topic: "account", channel: "email", enabled: true, target: "finance@example.com" } });
    await notify(system, { accountId, kind: "bill-ready", product: null, params: { month: "2026-10", amount: "¥1.00" }, dedupeKey: "bill:2026-10" });
    expect((await queued(db, accountId)).filter(([channel]) => channel === "email").map(([, target]) => target)).toContain("finance@example.com");
    await db.delete(outbox).where(eq(outbox.accountId, accountId)); // the other tests drain the shared outbox
  });

  it("delivers to a subscribed channel after it recovers from being down, exactly once", async () => {
    const db = database().db;
    const { accountId, actor } = await newAccount(db);
    await updateSubscription({ ctx: { db, actor, now: t0 }, input: { topic: "body", channel: "sms", enabled: true, target: "+8613800000000" } });
    await notify({ db, actor: { type: "system" }, now: t0 }, { accountId, kind: "pack-exhausted", product: "body", params: { pack: "body.detection:10k", size: 10000 }, dedupeKey: "pack-exhausted:p9" });
    const sms = flakyChannel();
    const down = await deliverDue({ db, actor: { type: "system" }, now: t0 }, { sms });
    expect(down).toMatchObject({ sent: 0, retrying: 1 });
    // Not due again until the back-off has passed.
    expect(await deliverDue({ db, actor: { type: "system" }, now: new Date(t0.getTime() + 1000) }, { sms })).toMatchObject({ sent: 0, retrying: 0 });
    sms.down = false;
    const later = new Date(t0.getTime() + DELIVERY_RETRY.firstDelayMs);
    expect(await deliverDue({ db, actor: { type: "system" }, now: later }, { sms })).toMatchObject({ sent: 1 });
    expect(await deliverDue({ db, actor: { type: "system" }, now: new Date(later.getTime() + 3_600_000) }, { sms })).toMatchObject({ sent: 0 });
    expect(sms.sent.filter((d) => d.target === "+8613800000000")).toHaveLength(1);
    expect(sms.sent[0]?.subject).toContain("资源包已用完");
    const rows = await db.select().from(outbox).where(eq(outbox.accountId, accountId));
    expect(rows).toMatchObject([{ status: "sent", attempts: 2 }]);
  });
  // Its own database: the delivery job drains every due row, and other suites queue mail (invitations,
  // member alerts) at the same instant.
}, { isolated: true });


describePostgres("outbox workers racing", (database) => {
  it("two workers draining at once send each delivery once", async () => {
    const db = database().db;
    const { accountId, actor } = await newAccount(db);
    await updateSubscription({ ctx: { db, actor, now: t0 }, input: { topic: "scan", channel: "wechat", enabled: true, target: "oWx_abcdef123" } });
    for (let i = 0; i < 20; i++) {
      await notify({ db, actor: { type: "system" }, now: t0 }, { accountId, kind: "pack-exhausted", product: "scan", params: { pack: `p${i}`, size: 1 }, dedupeKey: `race:${i}` });
    }
    const wechat = flakyChannel();
    wechat.down = false;
    const ctx = { db, actor: { type: "system" } as const, now: t0 };
    await Promise.all([deliverDue(ctx, { wechat }), deliverDue(ctx, { wechat }), deliverDue(ctx, { wechat })]);
    const mine = wechat.sent.filter((d) => d.target === "oWx_abcdef123");
    expect(mine).toHaveLength(20);
    expect(new Set(mine.map((d) => d.id)).size).toBe(20);
  });
});
