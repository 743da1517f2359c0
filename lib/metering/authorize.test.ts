import { beforeEach, expect, it } from "vitest";
import { qpsGrants, qpsGroupModes } from "@/db/schema";
import type { Database } from "@/db/client";
import type { ServiceContext } from "@/lib/context";
import { activateProduct } from "@/lib/packs/activation";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount, setAccountStatus } from "@/lib/tooling/testing/wallet-fixtures";
import { authorizeCall, clearAuthorizeCache } from "./authorize";
import { InProcessQpsLimiter } from "./qps-limiter";

const t0 = new Date("2026-11-22T02:00:00.100Z");

async function gateway(db: Database, products: ("body" | "processing")[]) {
  const account = await newAccount(db, t0, "authz");
  for (const product of products) await activateProduct({ ctx: account.customer(), input: { product, acceptTerms: true } });
  const ctx = (now = t0): ServiceContext => ({ db, actor: { type: "api-key", keyId: "00000000-0000-0000-0000-000000000001", accountId: account.accountId }, now });
  return { ...account, ctx };
}

describeEachDatabase("authorize (API.md §1)", (database) => {
  beforeEach(() => clearAuthorizeCache());

  it("lets a call-billed API of an active account pass", async () => {
    const g = await gateway(database().db, ["body"]);
    expect(await authorizeCall({ ctx: g.ctx(), input: { api: "body.detection" }, limiter: new InProcessQpsLimiter() })).toEqual({ status: 200, body: { allowed: true, mode: "calls" } });
  });

  it("refuses a product that is not activated, and suspended or disabled accounts, with 403", async () => {
    const g = await gateway(database().db, ["processing"]);
    const limiter = new InProcessQpsLimiter();
    expect(await authorizeCall({ ctx: g.ctx(), input: { api: "body.detection" }, limiter })).toEqual({ status: 403, body: { allowed: false, reason: "not-activated" } });
    for (const status of ["suspended", "disabled"] as const) {
      await setAccountStatus(database().db, g.accountId, status);
      clearAuthorizeCache();
      expect(await authorizeCall({ ctx: g.ctx(), input: { api: "processing.quality" }, limiter })).toEqual({ status: 403, body: { allowed: false, reason: status } });
    }
  });

  it("under QPS billing lets `limit` calls a second through and answers the rest 429 with the wait", async () => {
    const db = database().db;
    const g = await gateway(db, ["body"]);
    await db.insert(qpsGroupModes).values({ accountId: g.accountId, groupId: "body", mode: "qps", changedAt: t0 });
    await db.insert(qpsGrants).values([
      { accountId: g.accountId, groupId: "body", qps: 2, startsAt: new Date("2026-11-01T00:00:00Z"), endsAt: new Date("2026-12-01T00:00:00Z") },
      { accountId: g.accountId, groupId: "body", qps: 1, startsAt: new Date("2026-11-20T00:00:00Z"), endsAt: new Date("2026-11-23T00:00:00Z") },
      // Expired: not counted.
      { accountId: g.accountId, groupId: "body", qps: 50, startsAt: new Date("2026-10-01T00:00:00Z"), endsAt: new Date("2026-11-01T00:00:00Z") },
    ]);
    const limiter = new InProcessQpsLimiter();
    const answers = [];
    for (const api of ["body.detection", "body.library", "body.search", "body.detection"]) answers.push(await authorizeCall({ ctx: g.ctx(), input: { api }, limiter }));
    expect(answers.slice(0, 3)).toEqual(Array.from({ length: 3 }, () => ({ status: 200, body: { allowed: true, mode: "qps", limit: 3 } })));
    expect(answers[3]).toEqual({ status: 429, body: { allowed: false, reason: "qps-exceeded", retryAfterMs: 900 } });
    expect(await authorizeCall({ ctx: g.ctx(new Date(t0.getTime() + 900)), input: { api: "body.search" }, limiter })).toMatchObject({ status: 200 });
  });

  it("answers an unknown API with 400 naming it", async () => {
    const g = await gateway(database().db, ["body"]);
    expect(await authorizeCall({ ctx: g.ctx(), input: { api: "body.nope" }, limiter: new InProcessQpsLimiter() })).toMatchObject({ status: 400, body: { error: { code: "unknown-api" } } });
  });
});
