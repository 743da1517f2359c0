import { expect, it } from "vitest";
import type { ServiceContext } from "@/lib/context";
import { verifySignIn } from "@/lib/identity/sign-in";
import { acceptInvitation, inviteMember } from "@/lib/members/invitations";
import { createApiKey } from "@/lib/metering/api-keys";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { creditAccount } from "@/lib/wallet/credit";
import { listTransactions } from "@/lib/wallet/balance";
import { accessLog } from "./access-log";

const at = new Date("2026-11-22T02:00:00Z");
const secret = "test-secret-for-invitations";

type Account = Awaited<ReturnType<typeof newAccount>>;

async function join(owner: Account, role: "finance" | "developer", name: string) {
  const email = uniqueEmail(role);
  const { link } = await inviteMember({ ctx: owner.customer(), input: { email, role }, secret, appUrl: "https://console.example" });
  const token = new URL(link).searchParams.get("token") ?? "";
  const { userId } = await acceptInvitation({ ctx: { ...owner.system(), actor: { type: "anonymous" } }, input: { token, name, password: "password-1" }, secret });
  const ctx = (now = at): ServiceContext => ({ db: owner.customer().db, actor: { type: "customer", userId, accountId: owner.accountId }, now });
  return { userId, email, ctx };
}

// Issue 21 item 5: the transaction list and the access log name the member who acted.
describeEachDatabase("who did what", (database) => {
  it("each movement names the member who started it; movements nobody on the account started name no one", async () => {
    const owner = await newAccount(database().db, at, "who-tx");
    const finance = await join(owner, "finance", "Fiona Finance");
    const byFinance = await topUp({ ...owner, customer: finance.ctx }, "30");
    const byOwner = await topUp(owner, "20", new Date(at.getTime() + 60_000));
    await creditAccount({ ctx: owner.system(new Date(at.getTime() + 120_000)), input: { accountId: owner.accountId, amount: "5", to: "gift", reason: "goodwill" } });
    // Read as the finance member: the list is the account's, not the reader's.
    const txs = await listTransactions({ ctx: finance.ctx() });
    const named = Object.fromEntries(txs.map((tx) => [tx.documentType === "top-up" ? tx.documentId : tx.documentType, tx.actor ?? null]));
    expect(named[byFinance]).toEqual({ userId: finance.userId, name: "Fiona Finance" });
    expect(named[byOwner]).toMatchObject({ userId: owner.userId });
    expect(named.credit).toBeNull();
  });

  it("the access log names the member behind each sign-in and key, and the device and address each sign-in came from", async () => {
    const owner = await newAccount(database().db, at, "who-log");
    const dev = await join(owner, "developer", "Dev Dana");
    const anonymous = { ...owner.system(), actor: { type: "anonymous" as const } };
    await verifySignIn({ ctx: anonymous, input: { email: dev.email, password: "password-1" }, ip: "203.0.113.7", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", audience: "customer" });
    await createApiKey({ ctx: dev.ctx(), input: { name: "ci key" } });
    const log = await accessLog({ ctx: owner.customer() });
    const signIn = log.events.find((e) => e.kind === "auth.sign-in");
    expect(signIn).toMatchObject({ member: { userId: dev.userId, name: "Dev Dana" }, ip: "203.0.113.7", device: { browser: "Chrome", os: "macOS" } });
    // Without a trusted proxy the console cannot know the address: the event names none (not "unknown").
    await verifySignIn({ ctx: { ...anonymous, now: new Date(at.getTime() + 60_000) }, input: { email: dev.email, password: "password-1" }, ip: null, audience: "customer" });
    const unknown = (await accessLog({ ctx: owner.customer(new Date(at.getTime() + 120_000)) })).events.find((e) => e.kind === "auth.sign-in");
    expect(unknown).toMatchObject({ ip: null, device: null });
    const key = log.events.find((e) => e.kind === "api-key.create");
    expect(key).toMatchObject({ name: "ci key", member: { userId: dev.userId, name: "Dev Dana" } });
  });
});
