import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { usageEvents, usageHourly } from "@/db/schema";
import { describePostgres } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { startMeteringProcess } from "./processes";

/**
 * Issue 18 item 2: SIGTERM to `npm run metering` while 16 gateways send batches. The process stops
 * accepting, answers every request it had received, closes its pool and exits 0; nothing is lost
 * (every batch it did not answer is accepted whole by the next instance) and nothing is counted
 * twice (no batch it did not answer had been recorded: a resend is never `duplicate`).
 */
const HOUR = 3_600_000;
const BATCH = 25;

interface Sent {
  ids: string[];
  status: number | null;
  results: { id: string; status: string }[];
  /** Whether the answer came after the SIGTERM was sent. */
  afterSignal: boolean;
}

describePostgres("the metering service's graceful stop", (database) => {
  it("SIGTERM under load: in-flight batches are answered and recorded once, the rest refused at the door", { timeout: 120_000 }, async () => {
    const m = await meteredAccount(database().db, new Date(Date.now() - HOUR));
    const env = { DATABASE_URL: process.env.TEST_DATABASE_URL, REDIS_URL: "" };
    const first = await startMeteringProcess(env);
    const at = new Date(Date.now() + 8 * HOUR).toISOString().replace("Z", "+08:00");
    const post = (url: string, ids: string[]) =>
      fetch(`${url}/api/v1/usage`, {
        method: "POST",
        headers: { authorization: `Bearer ${m.secret}`, "content-type": "application/json" },
        body: JSON.stringify({ events: ids.map((id) => ({ id, api: "processing.crop", calls: 2, at })) }),
      });
    const sent: Sent[] = [];
    let answered = 0;
    let signalled = false;
    const gateways = Array.from({ length: 16 }, async (_, gateway) => {
      for (let n = 0; ; n++) {
        const ids = Array.from({ length: BATCH }, (_, i) => `g${gateway}-${n}-${i}`);
        const record: Sent = { ids, status: null, results: [], afterSignal: false };
        sent.push(record);
        try {
          const response = await post(first.url, ids);
          record.status = response.status;
          record.results = ((await response.json()) as { results?: Sent["results"] }).results ?? [];
          record.afterSignal = signalled;
          answered += 1;
        } catch {
          if (signalled) return; // refused at the door (or a keep-alive connection it closed): resent below
          throw new Error("a request failed before the stop");
        }
        if (answered >= 48 && !signalled) {
          signalled = true;
          first.child.kill("SIGTERM");
        }
      }
    });
    await Promise.all(gateways);
    expect(await first.exited).toBe(0);
    const inFlight = Number(/finishing (\d+) request/.exec(first.output())?.[1] ?? "0");
    expect(inFlight).toBeGreaterThan(0);
    // Every request it held at the signal got its answer after it (an exit on the spot answers none).
    expect(sent.filter((s) => s.afterSignal).length).toBeGreaterThanOrEqual(inFlight);

    const answeredBatches = sent.filter((s) => s.status !== null);
    expect(answeredBatches.every((s) => s.status === 200 && s.results.every((r) => r.status === "accepted"))).toBe(true);
    const unanswered = sent.filter((s) => s.status === null);
    expect(unanswered.length).toBeGreaterThan(0);

    const second = await startMeteringProcess(env);
    try {
      for (const batch of unanswered) {
        const response = await post(second.url, batch.ids);
        expect(response.status).toBe(200);
        const results = ((await response.json()) as { results: Sent["results"] }).results;
        expect(results.map((r) => r.status)).toEqual(batch.ids.map(() => "accepted"));
      }
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
    const total = sent.length * BATCH;
    const [events] = await database().db.select({ n: sql<number>`count(*)::int` }).from(usageEvents).where(eq(usageEvents.accountId, m.accountId));
    const [hourly] = await database().db.select({ calls: sql<number>`sum(${usageHourly.calls})::int` }).from(usageHourly).where(eq(usageHourly.accountId, m.accountId));
    expect(events?.n).toBe(total);
    expect(hourly?.calls).toBe(total * 2);
  });
});
