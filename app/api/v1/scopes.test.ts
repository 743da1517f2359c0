import { expect, it, vi } from "vitest";
import { GET as getBills } from "@/app/api/v1/bills/route";
import { GET as getPacks } from "@/app/api/v1/packs/route";
import { GET as getTransactions } from "@/app/api/v1/transactions/route";
import { GET as getDaily } from "@/app/api/v1/usage/daily/route";
import { POST as postUsage } from "@/app/api/v1/usage/route";
import { GET as getSummary } from "@/app/api/v1/usage/summary/route";
import { POST as postAuthorize } from "@/app/api/v1/authorize/route";
import type { Database } from "@/db/client";
import { createApiKey } from "@/lib/metering/api-keys";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";

/**
 * Scoped API keys (issue 21 item 4): `usage:write` for the metering endpoints, `read` for the read
 * API; a live key without the scope is refused 403 `scope`, the message naming it, before any service.
 */
const state: { db: Database | null } = { db: null };
vi.mock("@/db", () => ({
  getDb: async () => {
    if (!state.db) throw new Error("no database");
    return state.db;
  },
}));

const at = new Date("2026-11-22T02:00:00Z");
const get = (path: string, secret: string) => new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${secret}` } });
/** Not refused for the scope (a route may still answer 4xx for its own reasons, e.g. authorize's "not activated"). */
async function notScopeRefused(response: Response): Promise<boolean> {
  if (response.status !== 403) return true;
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code !== "scope";
}
const post = (path: string, secret: string, body: unknown) =>
  new Request(`http://localhost${path}`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify(body) });

describeEachDatabase("API key scopes", (database) => {
  it("each route refuses a key without its scope with 403 scope naming it, and accepts one with it", async () => {
    const db = database().db;
    state.db = db;
    const a = await newAccount(db, at, "scopes");
    const readOnly = await createApiKey({ ctx: a.customer(), input: { name: "reader", scopes: ["read"] } });
    const writer = await createApiKey({ ctx: a.customer(), input: { name: "gateway", scopes: ["usage:write"] } });
    const both = await createApiKey({ ctx: a.customer(), input: { name: "both" } });
    expect(both.key.scopes).toEqual(["usage:write", "read"]);

    const reads = [
      (s: string) => getPacks(get("/api/v1/packs", s)),
      (s: string) => getTransactions(get("/api/v1/transactions", s)),
      (s: string) => getBills(get("/api/v1/bills", s)),
      (s: string) => getSummary(get("/api/v1/usage/summary?month=2026-11", s)),
      (s: string) => getDaily(get("/api/v1/usage/daily?month=2026-11", s)),
    ];
    const writes = [
      (s: string) => postUsage(post("/api/v1/usage", s, { events: [] })),
      (s: string) => postAuthorize(post("/api/v1/authorize", s, { api: "scan.code-recognition" })),
    ];
    for (const call of reads) {
      const refused = await call(writer.secret);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: { code: "scope", message: "this key lacks the scope read" } });
      expect(await notScopeRefused(await call(readOnly.secret))).toBe(true);
      expect(await notScopeRefused(await call(both.secret))).toBe(true);
    }
    for (const call of writes) {
      const refused = await call(readOnly.secret);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: { code: "scope", message: "this key lacks the scope usage:write" } });
      expect(await notScopeRefused(await call(writer.secret))).toBe(true);
      expect(await notScopeRefused(await call(both.secret))).toBe(true);
    }
  });

  it("a key must name at least one known scope", async () => {
    const db = database().db;
    const a = await newAccount(db, at, "scopes-bad");
    await expect(createApiKey({ ctx: a.customer(), input: { name: "none", scopes: [] } })).rejects.toThrow(/at least one scope/);
    await expect(createApiKey({ ctx: a.customer(), input: { name: "bad", scopes: ["admin" as "read"] } })).rejects.toThrow(/usage:write or read/);
  });
});
