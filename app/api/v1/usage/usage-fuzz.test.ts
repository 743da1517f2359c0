import { and, count, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { usageEvents } from "@/db/schema";
import { shanghaiIsoString } from "@/lib/pricing";
import { POST } from "@/app/api/v1/usage/route";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { describeEachDatabase, describePostgres } from "@/lib/tooling/testing/databases";
import { useDatabaseForRoutes } from "@/lib/tooling/testing/route-database";

const HOUR = 3_600_000;
const activatedAt = new Date(Date.now() - 2 * HOUR);

function post(secret: string, body: string): Promise<Response> {
  return POST(new Request("http://localhost/api/v1/usage", { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body }));
}

/** A Shanghai-offset instant within the last hour: after the activation, in an open month. */
function recentAt(agoMs: number): string {
  return shanghaiIsoString(new Date(Date.now() - agoMs));
}

// Strings a gateway should never send but an attacker will: NUL and other controls, lone and
// paired surrogates, non-characters, long runs.
const hostileChar = fc.oneof(
  fc.constantFrom("\u0000", "\u0001", "\u001f", "\u007f", "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d\ude00", "\ufffe", "\uffff", "\\", '"', "'", "%00", "\n"),
  fc.string({ unit: "binary", maxLength: 2 }),
  fc.constantFrom("a", "b", "c"),
);
const hostileString = fc.oneof(fc.string({ unit: hostileChar, maxLength: 12 }), fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom("", "x".repeat(128), "x".repeat(129)));
const hugeNumber = fc.oneof(fc.constantFrom(0, -1, 1.5, 1_000_000, 1_000_001, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324), fc.double(), fc.integer());
const deep: fc.Arbitrary<unknown> = fc.integer({ min: 1, max: 3000 }).map((depth) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { id: value };
  return value;
});
const wrongType = fc.oneof(fc.constant(null), fc.boolean(), hugeNumber, hostileString, fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }), deep);

const validEvent = fc.record({
  id: fc.string({ unit: fc.constantFrom("a", "b", "c", "-", "1"), minLength: 1, maxLength: 4 }),
  api: fc.constantFrom("processing.quality", "processing.crop", "scan.code-recognition", "processing.nope"),
  calls: fc.integer({ min: 1, max: 1000 }),
  at: fc.integer({ min: 0, max: HOUR - 60_000 }).map(recentAt),
});
const hostileEvent = fc.oneof(
  validEvent.chain((e) => fc.record({ id: fc.oneof(hostileString, wrongType), api: fc.constant(e.api), calls: fc.constant(e.calls), at: fc.constant(e.at) })),
  validEvent.chain((e) => fc.record({ id: fc.constant(e.id), api: fc.oneof(fc.constant(e.api), hostileString, wrongType), calls: fc.oneof(fc.constant(e.calls), hugeNumber, wrongType), at: fc.constant(e.at) })),
  validEvent.chain((e) =>
    fc.record({
      id: fc.constant(e.id),
      api: fc.constant(e.api),
      calls: fc.constant(e.calls),
      at: fc.oneof(hostileString, wrongType, fc.constantFrom("2026-02-30T10:00:00+08:00", "2026-11-22T25:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "2026-11-22T10:00:00+99:99")),
    }),
  ),
  wrongType,
);

/** Bodies as text: JSON of hostile values, and text that is not JSON at all. */
const body = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.oneof({ weight: 2, arbitrary: validEvent }, { weight: 3, arbitrary: hostileEvent }), { minLength: 1, maxLength: 8 }).map((events) => JSON.stringify({ events })) },
  { weight: 1, arbitrary: fc.oneof(wrongType, fc.jsonValue({ maxDepth: 6 }), fc.record({ events: wrongType })).map((v) => JSON.stringify(v) ?? "null") },
  { weight: 1, arbitrary: fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom('{"events":[{"id":"a","api":"processing.quality","calls":1e400,"at":"x"}]}', '{"events":[', "[".repeat(100_000), '{"events":null}', "")) },
);

describeEachDatabase("usage API under hostile bodies (HTTP level, real route handler)", (database) => {
  beforeAll(() => useDatabaseForRoutes(database()));

  it("answers 2,000 generated bodies without a 5xx, and writes exactly the accepted events", { timeout: 240_000 }, async () => {
    const m = await meteredAccount(database().db, activatedAt);
    const acceptedIds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const response = await post(m.secret, text);
        expect(response.status).toBeLessThan(500);
        const answer = (await response.json()) as { results?: { id: string; status: string; error?: { code: string; message: string } }[] };
        for (const result of answer.results ?? []) {
          if (result.status === "accepted") {
            expect(acceptedIds.has(result.id)).toBe(false);
            acceptedIds.add(result.id);
          }
          if (result.status === "rejected") expect(result.error?.message).toMatch(/^events\[\d+\]\.\w+: |^(api|product|month|at|the account|group) /);
        }
        // Nothing else reached the table: every row is an event this test saw accepted.
        const [row] = await database().db.select({ n: count() }).from(usageEvents).where(eq(usageEvents.accountId, m.accountId));
        expect(row?.n).toBe(acceptedIds.size);
      }),
      { numRuns: 2000 },
    );
    expect(acceptedIds.size).toBeGreaterThan(5);
  });

  it("answers a resent lone-surrogate id invalid both times; the ids that PostgreSQL would merge never collide", async () => {
    const m = await meteredAccount(database().db, activatedAt);
    const events = ["x\ud800", "x\udc01"].map((id) => ({ id, api: "processing.quality", calls: 1, at: recentAt(60_000) }));
    for (let i = 0; i < 2; i++) {
      const response = await post(m.secret, JSON.stringify({ events }));
      expect(response.status).toBe(200);
      const { results } = (await response.json()) as { results: { status: string; error?: { code: string } }[] };
      expect(results.map((r) => `${r.status} ${r.error?.code}`)).toEqual(["rejected invalid", "rejected invalid"]);
    }
    const [row] = await database().db.select({ n: count() }).from(usageEvents).where(and(eq(usageEvents.accountId, m.accountId)));
    expect(row?.n).toBe(0);
  });
});

describePostgres("usage API: poisoned requests beside valid ones of the same key", (database) => {
  beforeAll(() => useDatabaseForRoutes(database()));

  it("8 poisoned requests among 72 valid ones sent at once: every valid one is accepted, every poisoned one rejected invalid", async () => {
    const m = await meteredAccount(database().db, activatedAt);
    // One request first: the key is then cached, and the burst needs no connection per request.
    expect((await post(m.secret, JSON.stringify({ events: [{ id: "warm", api: "processing.crop", calls: 2, at: recentAt(60_000) }] }))).status).toBe(200);
    const poison = ["p\u0000", "q\ud800", "r\udc01", "s\u0000t"];
    const bodies = Array.from({ length: 80 }, (_, i) =>
      i % 10 === 3 ? { id: poison[i % 4] ?? "", poisoned: true } : { id: `valid-${i}`, poisoned: false },
    );
    const answers = await Promise.all(
      bodies.map(async (b) => {
        const response = await post(m.secret, JSON.stringify({ events: [{ id: b.id, api: "processing.crop", calls: 2, at: recentAt(60_000) }] }));
        return { ...b, status: response.status, results: ((await response.json()) as { results: { status: string; error?: { code: string } }[] }).results };
      }),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => !a.poisoned).map((a) => a.results[0]?.status)).toEqual(Array(72).fill("accepted"));
    expect(answers.filter((a) => a.poisoned).map((a) => a.results[0]?.error?.code)).toEqual(Array(8).fill("invalid"));
    const [row] = await database().db.select({ n: count() }).from(usageEvents).where(eq(usageEvents.accountId, m.accountId));
    expect(row?.n).toBe(73);
  });
});
