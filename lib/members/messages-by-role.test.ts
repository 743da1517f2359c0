import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { outbox, subscriptions } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { listMessages, markRead, unreadCount } from "@/lib/messaging/inbox";
import { notify } from "@/lib/messaging/notify";
import { listSubscriptions, updateSubscription } from "@/lib/messaging/subscriptions";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { acceptInvitation, inviteMember } from "./invitations";
import { removeMember } from "./members";

const at = new Date("2026-11-22T02:00:00Z");
const secret = "test-secret-for-invitations";
type Account = Awaited<ReturnType<typeof newAccount>>;

async function join(owner: Account, role: "finance" | "developer" | "read-only") {
  const email = uniqueEmail(role);
  const { link } = await inviteMember({ ctx: owner.customer(), input: { email, role }, secret, appUrl: "https://console.example" });
  const token = new URL(link).searchParams.get("token") ?? "";
  const { userId } = await acceptInvitation({ ctx: { ...owner.system(), actor: { type: "anonymous" } }, input: { token, name: `${role} person`, password: "password-1" }, secret });
  const ctx = (now = at): ServiceContext => ({ db: owner.customer().db, actor: { type: "customer", userId, accountId: owner.accountId }, now });
  return { userId, email, ctx };
}

const packLow = (accountId: string, key: string) => ({
  accountId,
  kind: "pack-low" as const,
  product: "scan",
  params: { pack: "scan.code-recognition:10k", remaining: 1999, percent: 19, size: 10000, threshold: 20 },
  dedupeKey: key,
});
const billReady = (accountId: string) => ({ accountId, kind: "bill-ready" as const, product: null, params: { month: "2026-10", amount: "¥1.00" }, dedupeKey: "bill-ready:2026-10" });

// Issue 21 item 5: billing messages to owners and finance, pack and QPS alerts to developers and owners;
// each member's own channels, the account's as their default.
describeEachDatabase("messages by role", (database) => {
  it("each member's inbox lists and counts the kinds meant for their role; mark-all-read leaves the others' unread", async () => {
    const owner = await newAccount(database().db, at, "msg-roles");
    const [fin, dev, ro] = [await join(owner, "finance"), await join(owner, "developer"), await join(owner, "read-only")];
    await notify(owner.system(), packLow(owner.accountId, "pack-low:p1:20"));
    await notify(owner.system(), billReady(owner.accountId));
    await notify(owner.system(), { accountId: owner.accountId, kind: "account-disabled", product: null, params: { reason: "x" }, dedupeKey: "disabled:1" });
    // The invitations' own messages (member-invited, owners only) are left out here.
    const kinds = async (ctx: ServiceContext) => (await listMessages({ ctx, input: {} })).map((m) => m.kind).filter((k) => k !== "member-invited").sort();
    expect(await kinds(owner.customer())).toEqual(["account-disabled", "bill-ready", "pack-low"]);
    expect(await kinds(fin.ctx())).toEqual(["account-disabled", "bill-ready"]);
    expect(await kinds(dev.ctx())).toEqual(["account-disabled", "pack-low"]);
    expect(await kinds(ro.ctx())).toEqual(["account-disabled"]);
    expect(await unreadCount({ ctx: dev.ctx() })).toBe(2);
    // A developer cannot mark a bill read, even by its id.
    const bill = (await listMessages({ ctx: fin.ctx(), input: {} })).find((m) => m.kind === "bill-ready");
    expect(await markRead({ ctx: dev.ctx(), input: { ids: [bill?.id ?? 0] } })).toBe(0);
    expect(await markRead({ ctx: dev.ctx(), input: { ids: [] } })).toBe(2);
    expect(await unreadCount({ ctx: fin.ctx() })).toBe(1);
    expect(await kinds(owner.customer())).toHaveLength(3);
  });

  it("emails go to each member in the audience who subscribed, once per address", async () => {
    const owner = await newAccount(database().db, at, "msg-deliver");
    const fin = await join(owner, "finance");
    const dev = await join(owner, "developer");
    await updateSubscription({ ctx: owner.customer(), input: { topic: "account", channel: "email", enabled: true, target: "owner@example.com" } });
    await updateSubscription({ ctx: fin.ctx(), input: { topic: "account", channel: "email", enabled: true, target: "fin@example.com" } });
    await updateSubscription({ ctx: fin.ctx(), input: { topic: "scan", channel: "email", enabled: true, target: "fin@example.com" } });
    await updateSubscription({ ctx: dev.ctx(), input: { topic: "account", channel: "email", enabled: true, target: "dev@example.com" } });
    await updateSubscription({ ctx: dev.ctx(), input: { topic: "scan", channel: "email", enabled: true, target: "owner@example.com" } });
    // Each member reads their own choices.
    expect((await listSubscriptions({ ctx: fin.ctx() })).find((s) => s.topic === "account" && s.channel === "email")?.target).toBe("fin@example.com");
    expect((await listSubscriptions({ ctx: owner.customer() })).find((s) => s.topic === "scan" && s.channel === "email")?.enabled).toBe(false);

    await notify(owner.system(), billReady(owner.accountId));
    await notify(owner.system(), packLow(owner.accountId, "pack-low:p2:20"));
    const sent = await database().db.select({ messageId: outbox.messageId, target: outbox.target }).from(outbox).where(eq(outbox.accountId, owner.accountId)).orderBy(outbox.id);
    const inbox = await listMessages({ ctx: owner.customer(), input: {} });
    const [bill, pack] = ["bill-ready", "pack-low"].map((kind) => inbox.find((m) => m.kind === kind)?.id);
    // The bill to owner and finance, not to the developer though they take account mail; the pack
    // alert to the developer's address only (finance is not its audience, the owner took no scan mail).
    expect(sent.filter((s) => s.messageId === bill).map((s) => s.target).sort()).toEqual(["fin@example.com", "owner@example.com"]);
    expect(sent.filter((s) => s.messageId === pack).map((s) => s.target)).toEqual(["owner@example.com"]);
  });

  it("the account's channels are every member's default; a member's own row overrides; a removed member gets nothing", async () => {
    const db = database().db;
    const owner = await newAccount(db, at, "msg-default");
    // Chosen before the account had members: the account's row.
    await db.insert(subscriptions).values({ accountId: owner.accountId, product: "account", channel: "email", enabled: true, target: "team@example.com", updatedAt: at });
    const fin = await join(owner, "finance");
    const gone = await join(owner, "finance");
    expect((await listSubscriptions({ ctx: fin.ctx() })).find((s) => s.topic === "account" && s.channel === "email")?.target).toBe("team@example.com");
    await updateSubscription({ ctx: fin.ctx(), input: { topic: "account", channel: "email", enabled: true, target: "fin@example.com" } });
    await updateSubscription({ ctx: gone.ctx(), input: { topic: "account", channel: "email", enabled: true, target: "gone@example.com" } });
    await removeMember({ ctx: owner.customer(), input: { userId: gone.userId, keys: "revoke" } });
    await notify(owner.system(), billReady(owner.accountId));
    const bill = (await listMessages({ ctx: owner.customer(), input: {} })).find((m) => m.kind === "bill-ready");
    const sent = await db.select({ target: outbox.target }).from(outbox).where(eq(outbox.messageId, bill?.id ?? 0));
    expect(sent.map((s) => s.target).sort()).toEqual(["fin@example.com", "team@example.com"]);
  });
});
