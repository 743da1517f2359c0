import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { expect, it, vi } from "vitest";
import { GET as getBalance } from "@/app/api/console/balance/route";
import { GET as getForecast } from "@/app/api/console/forecast/route";
import { GET as getFreeQuota } from "@/app/api/console/free-quota/route";
import { GET as getPacks } from "@/app/api/console/packs/route";
import { GET as getStanding } from "@/app/api/console/standing/route";
import { GET as getUnread } from "@/app/api/console/unread/route";
import type { Database } from "@/db/client";
import { accounts, wallets } from "@/db/schema";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount, testProvider, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { createTopUp } from "@/lib/wallet/top-up";
import type { BalanceJson, ForecastJson, FreeQuotaJson, StandingJson } from "@/lib/live/keys";

/**
 * The console's live JSON routes (issue 11): a session is required (401 JSON without one, or with a
 * staff one), and the account is the session's, whatever the request names.
 */
type Session = { user: { id: string; role: string; accountId?: string } } | null;
const state: { db: Database | null; session: Session } = { db: null, session: null };
vi.mock("@/db", () => ({
  getDb: async () => {
    if (!state.db) throw new Error("no database");
    return state.db;
  },
}));
vi.mock("@/lib/auth", () => ({ auth: async () => state.session, signIn: vi.fn(), signOut: vi.fn() }));
// A staff session carries no support-view cookie here (tests of a live view: app/staff-access.test.ts).
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const at = new Date("2026-11-22T02:00:00Z");
const balanceRequest = (query = "") => new NextRequest(`http://localhost/api/console/balance${query}`);
const request = (path: string) => new Request(`http://localhost/api/console/${path}`);

describeEachDatabase("console live routes", (database) => {
  it("answer 401 JSON without a customer session (signed out, or staff), for every route", async () => {
    state.db = database().db;
    for (const session of [null, { user: { id: "00000000-0000-0000-0000-000000000001", role: "support" } }] satisfies Session[]) {
      state.session = session;
      for (const response of [await getBalance(balanceRequest()), await getStanding(request("standing")), await getUnread(request("unread")), await getPacks(request("packs")), await getForecast(request("forecast")), await getFreeQuota(request("free-quota"))]) {
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ error: "sign-in-required" });
      }
    }
  });

  it("balance: the session's wallet and only its own top-up; another account's order id reads as none", async () => {
    const db = database().db;
    state.db = db;
    const a = await newAccount(db, at, "live-a");
    const b = await newAccount(db, at, "live-b");
    const paid = await topUp(a, "250");
    const pendingOfB = await createTopUp({ ctx: b.customer(), input: { amount: "40" }, provider: testProvider, returnUrl: "/balance" });

    state.session = { user: { id: a.userId, role: "customer", accountId: a.accountId } };
    const own = (await (await getBalance(balanceRequest(`?topup=${paid}`))).json()) as BalanceJson;
    expect(own).toEqual({ wallet: { cash: "250.00", income: "0.00", gift: "0.00", frozen: "0.00", total: "250.00" }, topUp: { id: paid, amount: "250.00", status: "paid" } });
    const foreign = await getBalance(balanceRequest(`?topup=${pendingOfB.orderId}`));
    expect(foreign.status).toBe(200);
    expect(((await foreign.json()) as BalanceJson).topUp).toBeNull();
    expect((await getBalance(balanceRequest("?topup=not-a-uuid"))).status).toBe(400);

    state.session = { user: { id: b.userId, role: "customer", accountId: b.accountId } };
    const ofB = (await (await getBalance(balanceRequest(`?topup=${pendingOfB.orderId}`))).json()) as BalanceJson;
    expect(ofB).toEqual({ wallet: { cash: "0.00", income: "0.00", gift: "0.00", frozen: "0.00", total: "0.00" }, topUp: { id: pendingOfB.orderId, amount: "40.00", status: "pending" } });
    expect((await getBalance(balanceRequest(`?topup=${paid}`))).headers.get("cache-control")).toBe("no-store");
  });

  it("standing: null in good standing; the session's own arrears with what is owed and when it suspends", async () => {
    const db = database().db;
    state.db = db;
    const good = await newAccount(db, at, "live-good");
    const owing = await newAccount(db, at, "live-owing");
    await db.update(accounts).set({ status: "arrears", arrearsSince: at }).where(eq(accounts.id, owing.accountId));
    // A bill that left the balance negative (the wallet row is made on the first movement).
    await db.insert(wallets).values({ accountId: owing.accountId, cash: "-123.40", updatedAt: at }).onConflictDoUpdate({ target: wallets.accountId, set: { cash: "-123.40" } });

    state.session = { user: { id: good.userId, role: "customer", accountId: good.accountId } };
    expect(((await (await getStanding(request("standing"))).json()) as StandingJson).standing).toBeNull();
    state.session = { user: { id: owing.userId, role: "customer", accountId: owing.accountId } };
    const body = (await (await getStanding(request("standing"))).json()) as StandingJson;
    expect(body.standing).toEqual({ status: "arrears", owed: "123.40", suspendAt: new Date(at.getTime() + 24 * 3_600_000).toISOString(), months: [] });
    expect(Number.isNaN(Date.parse(body.now))).toBe(false);
  });

  it("forecast and free quota: the session's own month, as JSON (instants as ISO strings), never cached", async () => {
    const db = database().db;
    state.db = db;
    const fresh = await newAccount(db, at, "live-fresh");
    state.session = { user: { id: fresh.userId, role: "customer", accountId: fresh.accountId } };
    const forecast = await getForecast(request("forecast"));
    expect(forecast.headers.get("cache-control")).toBe("no-store");
    const outlook = (await forecast.json()) as ForecastJson;
    expect(outlook.forecast.apis).toEqual([]);
    expect(outlook.advice).toEqual([]);
    const quota = await getFreeQuota(request("free-quota"));
    expect(quota.headers.get("cache-control")).toBe("no-store");
    const body = (await quota.json()) as FreeQuotaJson;
    expect(body.month).toBe(outlook.forecast.month);
    expect(body.past).toEqual([]);
  });
});
