import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { messages, packs, usageEvents, usageHourly } from "@/db/schema";
import type { Database } from "@/db/client";
import type { ServiceContext } from "@/lib/context";
import { activateProduct } from "@/lib/packs/activation";
import { grantGiftPack } from "@/lib/packs/gift";
import { describeEachDatabase, describePostgres } from "@/lib/tooling/testing/databases";
import { newAccount, setAccountStatus } from "@/lib/tooling/testing/wallet-fixtures";
import { createApiKey, authenticateApiKey, listApiKeys, revokeApiKey } from "./api-keys";
import { reportUsageGrouped } from "./group-commit";
import { reportUsage, type UsageResult } from "./report-usage";
import { monthSummary } from "./summary";
import { parseUsageRequest } from "./usage-request";

const t0 = new Date("2026-11-22T02:00:00Z");
const at = "2026-11-22T10:00:00+08:00";

async function meteredAccount(db: Database, products: ("scan" | "recognition" | "processing" | "body")[] = ["processing"]) {
  const account = await newAccount(db, t0, "meter");
  for (const product of products) await activateProduct({ ctx: account.customer(), input: { product, acceptTerms: true } });
  const { key, secret } = await createApiKey({ ctx: account.customer(), input: { name: "gateway" } });
  const asKey = (now = t0): ServiceContext => ({ db, actor: { type: "api-key", keyId: key.id, accountId: account.accountId }, now });
  const report = (events: unknown[], now = t0): Promise<UsageResult[]> => reportUsage({ ctx: asKey(now), input: { events: parseUsageRequest({ events }) } });
  return { ...account, key, secret, asKey, report };
}

describeEachDatabase("metering", (database) => {
  it("draws each accepted event from the free pack, then postpaid, and keeps hourly totals in step", async () => {
    const m = await meteredAccount(database().db);
    const results = await m.report([
      { id: "a", api: "processing.quality", calls: 600, at },
      { id: "b", api: "processing.quality", calls: 600, at },
    ]);
    expect(results).toEqual([
      { id: "a", status: "accepted", free: 600, fromPacks: 0, billable: 0 },
      { id: "b", status: "accepted", free: 400, fromPacks: 0, billable: 200 },
    ]);
    const [hour] = await database().db.select().from(usageHourly).where(eq(usageHourly.accountId, m.accountId));
    expect(hour).toMatchObject({ calls: 1200, free: 1000, fromPacks: 0, billable: 200, month: "2026-11" });
  });

  it("answers a repeated id duplicate, in a later batch and within one, and never counts it twice", async () => {
    const m = await meteredAccount(database().db);
    await m.report([{ id: "dup", api: "processing.crop", calls: 5, at }]);
    const again = await m.report([
      { id: "dup", api: "processing.crop", calls: 5, at },
      { id: "new", api: "processing.crop", calls: 1, at },
      { id: "new", api: "processing.crop", calls: 1, at },
    ]);
    expect(again.map((r) => r.status)).toEqual(["duplicate", "accepted", "duplicate"]);
    const [row] = await database()
      .db.select({ calls: sql<string>`sum(${usageEvents.calls})` })
      .from(usageEvents)
      .where(eq(usageEvents.accountId, m.accountId));
    expect(Number(row?.calls)).toBe(6);
  });

  it("a resent batch holding ids recorded before draws only for the new ones; an old id is duplicate even once its month has closed", async () => {
    const m = await meteredAccount(database().db);
    await m.report([{ id: "x", api: "processing.quality", calls: 500, at }]);
    expect(await m.report([{ id: "x", api: "processing.quality", calls: 500, at }, { id: "y", api: "processing.quality", calls: 600, at }])).toEqual([
      { id: "x", status: "duplicate" },
      { id: "y", status: "accepted", free: 500, fromPacks: 0, billable: 100 },
    ]);
    const [hour] = await database().db.select().from(usageHourly).where(eq(usageHourly.accountId, m.accountId));
    expect(hour).toMatchObject({ calls: 1100, free: 1000, billable: 100 });
    const twoMonthsLater = new Date("2027-01-20T02:00:00Z");
    expect(await m.report([{ id: "x", api: "processing.quality", calls: 500, at }, { id: "z", api: "processing.quality", calls: 1, at }], twoMonthsLater)).toMatchObject([
      { id: "x", status: "duplicate" },
      { id: "z", status: "rejected", error: { code: "closed-month" } },
    ]);
  });

  it("rejects events one by one with their codes and records none of them", async () => {
    const m = await meteredAccount(database().db);
    const results = await m.report([
      { id: "u", api: "processing.nope", calls: 1, at },
      { id: "n", api: "scan.code-recognition", calls: 1, at },
      { id: "f", api: "processing.quality", calls: 1, at: "2026-11-22T10:06:00+08:00" },
      { id: "c", api: "processing.quality", calls: 1, at: "2026-09-01T10:00:00+08:00" },
      { id: "i", api: "processing.quality", calls: 0, at },
    ]);
    expect(results.map((r) => (r.status === "rejected" ? r.error.code : r.status))).toEqual(["unknown-api", "not-activated", "future", "closed-month", "invalid"]);
    expect(await database().db.select().from(usageEvents).where(eq(usageEvents.accountId, m.accountId))).toEqual([]);
  });

  it("refuses every call of a suspended or disabled account", async () => {
    const m = await meteredAccount(database().db);
    await setAccountStatus(database().db, m.accountId, "suspended");
    expect(await m.report([{ id: "s", api: "processing.quality", calls: 1, at }])).toMatchObject([{ status: "rejected", error: { code: "suspended" } }]);
    await setAccountStatus(database().db, m.accountId, "disabled");
    expect(await m.report([{ id: "d", api: "processing.quality", calls: 1, at }])).toMatchObject([{ status: "rejected", error: { code: "disabled" } }]);
  });

  it("drains a gift pack after the free pack, alerts once at the low threshold and once when empty", async () => {
    const m = await meteredAccount(database().db, ["body"]);
    await grantGiftPack({ ctx: m.system(), input: { accountId: m.accountId, packSpec: "body.detection:10k" } });
    // 1,000 free, then 8,600 from the pack: 1,400 left = 14% < 15% (SPEC §5 body threshold).
    expect(await m.report([{ id: "1", api: "body.detection", calls: 9600, at }])).toEqual([{ id: "1", status: "accepted", free: 1000, fromPacks: 8600, billable: 0 }]);
    await m.report([{ id: "2", api: "body.detection", calls: 100, at }]);
    expect(await m.report([{ id: "3", api: "body.detection", calls: 1500, at }])).toEqual([{ id: "3", status: "accepted", free: 0, fromPacks: 1300, billable: 200 }]);
    const sent = await database().db.select().from(messages).where(eq(messages.accountId, m.accountId));
    expect(sent.map((s) => s.kind).sort()).toEqual(["pack-exhausted", "pack-low"]);
    const [pack] = await database().db.select().from(packs).where(and(eq(packs.accountId, m.accountId), eq(packs.source, "gift")));
    expect(pack?.remaining).toBe(0);
  });

  it("prices the month so far from the aggregates with the tier the total reaches", async () => {
    const m = await meteredAccount(database().db);
    await m.report([{ id: "big", api: "processing.quality", calls: 1_000_000, at }, { id: "more", api: "processing.quality", calls: 1_000_000, at }]);
    const summary = await monthSummary({ ctx: m.customer(), input: { month: "2026-11" } });
    // SPEC §9 example 7, reached through metering.
    expect(summary).toEqual({
      month: "2026-11",
      apis: [expect.objectContaining({ api: "processing.quality", calls: 2_000_000, free: 1000, billable: 1_999_000, tier: 2, unitPrice: "0.0025", estimatedAmount: "4997.50", formula: "(2,000,000 − 1,000) × 0.0025 = 4,997.50" })],
      estimatedTotal: "4997.50",
    });
  });

  it("authenticates a key by its secret until it is revoked", async () => {
    const m = await meteredAccount(database().db);
    expect(await authenticateApiKey(m.customer(), m.secret)).toEqual({ keyId: m.key.id, accountId: m.accountId, scopes: ["usage:write", "read"] });
    expect((await listApiKeys({ ctx: m.customer() })).find((k) => k.id === m.key.id)?.lastUsedAt).toEqual(t0);
    const other = await newAccount(database().db, t0, "other");
    await expect(revokeApiKey({ ctx: other.customer(), input: { keyId: m.key.id } })).rejects.toMatchObject({ code: "api-key-not-found" });
    await revokeApiKey({ ctx: m.customer(), input: { keyId: m.key.id } });
    expect(await authenticateApiKey(m.customer(), m.secret)).toBeNull();
  });
});

describeEachDatabase("group commit", (database) => {
  it("answers each of 30 concurrent requests its own results, in order, duplicates across them included", async () => {
    const m = await meteredAccount(database().db);
    const requests = Array.from({ length: 30 }, (_, i) =>
      reportUsageGrouped(m.asKey(), parseUsageRequest({ events: [{ id: `g-${i % 20}`, api: "processing.crop", calls: 10, at }] })),
    );
    const answers = await Promise.all(requests);
    expect(answers.every((a) => a.length === 1)).toBe(true);
    expect(answers.flat().filter((r) => r.status === "accepted")).toHaveLength(20);
    expect(answers.flat().filter((r) => r.status === "duplicate")).toHaveLength(10);
    expect(answers.map((a) => a[0]?.id)).toEqual(Array.from({ length: 30 }, (_, i) => `g-${i % 20}`));
    const [hour] = await database().db.select().from(usageHourly).where(eq(usageHourly.accountId, m.accountId));
    expect(hour?.calls).toBe(200);
  });
});

describePostgres("metering races", (database) => {
  it("a member of a group commit that fails in the database fails alone: 72 valid requests beside 8 failing ones all succeed", async () => {
    const m = await meteredAccount(database().db);
    // Past the parser on purpose (U+0000 is refused there): whatever else makes one member's
    // statement fail must not fail the requests that happened to share its transaction.
    const poisoned = (i: number) => [{ ok: true as const, event: { id: `p${i}\u0000`, api: "processing.crop", calls: 1, at: t0 } }];
    const requests = Array.from({ length: 80 }, (_, i) =>
      i % 10 === 3
        ? reportUsageGrouped(m.asKey(), poisoned(i)).then(
            () => "poisoned accepted",
            () => "poisoned failed",
          )
        : reportUsageGrouped(m.asKey(), parseUsageRequest({ events: [{ id: `v-${i}`, api: "processing.crop", calls: 1, at }] })).then((r) => r[0]?.status ?? "none"),
    );
    const answers = await Promise.all(requests);
    expect(answers.filter((a) => a === "accepted")).toHaveLength(72);
    expect(answers.filter((a) => a === "poisoned failed")).toHaveLength(8);
    const [row] = await database().db.select().from(usageHourly).where(eq(usageHourly.accountId, m.accountId));
    expect(row?.calls).toBe(72);
  });

  it("an event dated before its product's activation is not-activated and draws nothing", async () => {
    const m = await meteredAccount(database().db);
    const results = await m.report([{ id: "early", api: "processing.quality", calls: 5, at: "2026-11-22T09:59:59+08:00" }]);
    expect(results).toMatchObject([{ status: "rejected", error: { code: "not-activated" } }]);
    expect(await database().db.select().from(usageEvents).where(eq(usageEvents.accountId, m.accountId))).toEqual([]);
  });

  it("20 concurrent retries of one event id count once", async () => {
    const m = await meteredAccount(database().db);
    const results = await Promise.all(Array.from({ length: 20 }, () => m.report([{ id: "race", api: "processing.enhance", calls: 7, at }])));
    expect(results.flat().filter((r) => r.status === "accepted")).toHaveLength(1);
    expect(results.flat().filter((r) => r.status === "duplicate")).toHaveLength(19);
    const [row] = await database().db.select().from(usageHourly).where(eq(usageHourly.accountId, m.accountId));
    expect(row?.calls).toBe(7);
  });

  it("two concurrent batches that together exhaust a pack exactly never over-draw it", async () => {
    const m = await meteredAccount(database().db, ["body"]);
    await grantGiftPack({ ctx: m.system(), input: { accountId: m.accountId, packSpec: "body.search:10k" } });
    // 1,000 free + 10,000 pack = 11,000 covered; two batches of 5,500 take exactly all of it.
    const batch = (prefix: string) => Array.from({ length: 11 }, (_, i) => ({ id: `${prefix}-${i}`, api: "body.search", calls: 500, at }));
    const [a, b] = await Promise.all([m.report(batch("a")), m.report(batch("b"))]);
    const all = [...(a ?? []), ...(b ?? [])].flatMap((r) => (r.status === "accepted" ? [r] : []));
    expect(all.reduce((s, r) => s + r.free + r.fromPacks, 0)).toBe(11_000);
    expect(all.reduce((s, r) => s + r.billable, 0)).toBe(0);
    const [pack] = await database().db.select().from(packs).where(and(eq(packs.accountId, m.accountId), eq(packs.source, "gift")));
    expect(pack?.remaining).toBe(0);
  });
});
