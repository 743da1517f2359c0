import "server-only";
import { eq, sql } from "drizzle-orm";
import { accounts, alertThresholds, monthCloses, qpsGroupModes, serviceActivations, usageEvents, usageHourly } from "@/db/schema";
import { ForbiddenError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { drawBatch, type BatchDrawEvent } from "@/lib/packs/draw-batch";
import { unnestRows } from "@/db/unnest";
import { monthOf } from "@/lib/pricing";
import { packAlerts } from "./pack-alerts";
import { checkEvent, type AccountFacts, type RejectionCode } from "./event-checks";
import type { ParsedEvent } from "./usage-request";

export type UsageResult =
  | { id: string; status: "accepted"; free: number; fromPacks: number; billable: number }
  | { id: string; status: "duplicate" }
  | { id: string; status: "rejected"; error: { code: RejectionCode; message: string } };

const HOUR_MS = 3_600_000;

/** Everything the checks need, and which of the batch's ids were seen before, in one round trip. */
async function accountFacts(ctx: ServiceContext, accountId: string, months: string[], ids: string[]): Promise<{ facts: AccountFacts; seen: Set<string> } | null> {
  const list = (values: string[]) => (values.length > 0 ? sql.join(values.map((v) => sql`${v}`), sql`, `) : sql`null`);
  const [row] = await ctx.db
    .select({
      status: accounts.status,
      // "product epoch-ms" pairs: one array keeps the row's shape the same on both drivers.
      products: sql<string[]>`array(select ${serviceActivations.product} || ' ' || floor(extract(epoch from ${serviceActivations.activatedAt}) * 1000)::bigint from ${serviceActivations} where ${serviceActivations.accountId} = ${accounts.id})`,
      qpsGroups: sql<string[]>`array(select ${qpsGroupModes.groupId} from ${qpsGroupModes} where ${qpsGroupModes.accountId} = ${accounts.id} and ${qpsGroupModes.mode} = 'qps')`,
      closed: sql<string[]>`array(select ${monthCloses.month} from ${monthCloses} where ${monthCloses.month} in (${list(months)}))`,
      seen: sql<string[]>`array(select ${usageEvents.eventId} from ${usageEvents} where ${usageEvents.accountId} = ${accounts.id} and ${usageEvents.eventId} in (${list(ids)}))`,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!row) return null;
  return {
    facts: { status: row.status, activatedProducts: activationTimes(row.products), qpsBilledGroups: new Set(row.qpsGroups), closedMonths: new Set(row.closed) },
    seen: new Set(row.seen),
  };
}

function activationTimes(pairs: string[]): Map<string, number> {
  return new Map(
    pairs.map((pair) => {
      const [product = "", ms = "0"] = pair.split(" ");
      return [product, Number(ms)];
    }),
  );
}

/**
 * POST /api/v1/usage (API.md §1): records a batch of call reports for the API key's account and
 * draws each accepted event at once (free pack → packs by earliest expiry → postpaid, SPEC §2.5).
 *
 * One transaction per batch, serialized per account by an advisory lock, with a constant number
 * of statements whatever the batch size (plus a few per pack alert fired). An event id seen
 * before — in an earlier batch, earlier in this one, or in a batch racing this one — is answered
 * `duplicate` and never counted twice: the lock orders racing batches and the primary key backs it.
 */
export async function reportUsage({ ctx, input }: { ctx: ServiceContext; input: { events: ParsedEvent[] } }): Promise<UsageResult[]> {
  if (ctx.actor.type !== "api-key") throw new ForbiddenError("api-key-required");
  const { accountId, keyId } = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    // The lock is a statement of its own: a statement reads from a snapshot taken when it starts, so
    // the "seen before" read below must start after the lock is held to see a racing batch's ids.
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`metering:${accountId}`}))`);
    const valid = input.events.flatMap((p) => (p.ok ? [p.event] : []));
    const months = [...new Set(valid.map((e) => monthOf(e.at)))];
    const ids = [...new Set(valid.map((e) => e.id))];
    const loaded = await accountFacts(tx, accountId, months, ids);
    if (!loaded) throw new ForbiddenError("no-account");
    const { facts, seen } = loaded;

    const results: UsageResult[] = [];
    const accepted: { index: number; event: BatchDrawEvent & { id: string; month: string } }[] = [];
    for (const parsed of input.events) {
      if (!parsed.ok) {
        results.push({ id: parsed.id, status: "rejected", error: { code: parsed.code, message: parsed.message } });
        continue;
      }
      const event = parsed.event;
      if (seen.has(event.id)) {
        results.push({ id: event.id, status: "duplicate" });
        continue;
      }
      const verdict = checkEvent(event, facts, tx.now);
      if (!verdict.ok) {
        results.push({ id: event.id, status: "rejected", error: { code: verdict.code, message: verdict.message } });
        continue;
      }
      seen.add(event.id);
      accepted.push({ index: results.length, event: { id: event.id, api: verdict.api, calls: event.calls, at: event.at, month: verdict.month } });
      results.push({ id: event.id, status: "accepted", free: 0, fromPacks: 0, billable: 0 });
    }
    if (accepted.length === 0) return results;

    const drawn = await drawBatch(tx, accountId, accepted.map((a) => a.event));
    const rows = accepted.map((a, i) => {
      const split = drawn.splits[i] ?? { free: 0, fromPacks: 0, billable: a.event.calls };
      results[a.index] = { id: a.event.id, status: "accepted", ...split };
      return { ...a.event, ...split };
    });
    await tx.db.execute(sql`
      insert into ${usageEvents} (account_id, event_id, api, calls, at, month, free, from_packs, billable, key_id, received_at)
      select ${accountId}::uuid, event_id, api, calls, at, month, free, from_packs, billable, ${keyId}::uuid, ${tx.now.toISOString()}::timestamptz
      from (${unnestRows([
        { values: rows.map((r) => r.id), type: "text[]" },
        { values: rows.map((r) => r.api), type: "text[]" },
        { values: rows.map((r) => r.calls), type: "int[]" },
        { values: rows.map((r) => r.at.toISOString()), type: "timestamptz[]" },
        { values: rows.map((r) => r.month), type: "text[]" },
        { values: rows.map((r) => r.free), type: "int[]" },
        { values: rows.map((r) => r.fromPacks), type: "int[]" },
        { values: rows.map((r) => r.billable), type: "int[]" },
      ])}) as e(event_id, api, calls, at, month, free, from_packs, billable)`);
    await addToHourly(tx, accountId, rows);
    await packAlerts(tx, accountId, drawn, () => tx.db.select().from(alertThresholds).where(eq(alertThresholds.accountId, accountId)));
    return results;
  });
}

interface DrawnRow {
  api: string;
  at: Date;
  month: string;
  calls: number;
  free: number;
  fromPacks: number;
  billable: number;
}

/** Adds the batch to the per-hour aggregates in one statement. Whole hours in UTC are whole hours in Shanghai (UTC+8). */
async function addToHourly(ctx: ServiceContext, accountId: string, rows: DrawnRow[]): Promise<void> {
  const byKey = new Map<string, { api: string; hour: Date; month: string; calls: number; free: number; fromPacks: number; billable: number }>();
  for (const row of rows) {
    const hour = new Date(Math.floor(row.at.getTime() / HOUR_MS) * HOUR_MS);
    const key = `${row.api}|${hour.getTime()}`;
    const sum = byKey.get(key) ?? { api: row.api, hour, month: row.month, calls: 0, free: 0, fromPacks: 0, billable: 0 };
    sum.calls += row.calls;
    sum.free += row.free;
    sum.fromPacks += row.fromPacks;
    sum.billable += row.billable;
    byKey.set(key, sum);
  }
  await ctx.db
    .insert(usageHourly)
    .values([...byKey.values()].map((s) => ({ accountId, ...s })))
    .onConflictDoUpdate({
      target: [usageHourly.accountId, usageHourly.api, usageHourly.hour],
      set: {
        calls: sql`${usageHourly.calls} + excluded.calls`,
        free: sql`${usageHourly.free} + excluded.free`,
        fromPacks: sql`${usageHourly.fromPacks} + excluded.from_packs`,
        billable: sql`${usageHourly.billable} + excluded.billable`,
      },
    });
}
