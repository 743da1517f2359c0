import "server-only";
import { eq, sql } from "drizzle-orm";
import { accounts, alertThresholds, lateEvents, monthCloses, qpsGroupModes, serviceActivations, usageEvents, usageHourly } from "@/db/schema";
import { ForbiddenError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { drawFromPacks, selectUsablePacks, updateDrawnPacks, type BatchDrawEvent, type EventSplit } from "@/lib/packs/draw-batch";
import { rowsOf, unnestRows } from "@/db/unnest";
import { FIRST_PRICED_MONTH, isApiId, monthOf, previousMonth } from "@/lib/pricing";
import { packAlerts } from "./pack-alerts";
import { ensureMonthPartitions } from "./partitions";
import { checkEvent, type AccountFacts, type RejectionCode } from "./event-checks";
import { USAGE_LIMITS, type ParsedEvent } from "./usage-request";

export type UsageResult =
  | { id: string; status: "accepted"; free: number; fromPacks: number; billable: number }
  | { id: string; status: "duplicate" }
  | { id: string; status: "rejected"; error: { code: RejectionCode; message: string } };

const HOUR_MS = 3_600_000;

/** Everything the checks need, in one round trip. Which ids were seen before is the insert's to say. */
async function accountFacts(ctx: ServiceContext, accountId: string, months: string[]): Promise<AccountFacts | null> {
  const list = (values: string[]) => (values.length > 0 ? sql.join(values.map((v) => sql`${v}`), sql`, `) : sql`null`);
  const [row] = await ctx.db
    .select({
      status: accounts.status,
      // "product epoch-ms" pairs: one array keeps the row's shape the same on both drivers.
      products: sql<string[]>`array(select ${serviceActivations.product} || ' ' || floor(extract(epoch from ${serviceActivations.activatedAt}) * 1000)::bigint from ${serviceActivations} where ${serviceActivations.accountId} = ${accounts.id})`,
      qpsGroups: sql<string[]>`array(select ${qpsGroupModes.groupId} from ${qpsGroupModes} where ${qpsGroupModes.accountId} = ${accounts.id} and ${qpsGroupModes.mode} = 'qps')`,
      closed: sql<string[]>`array(select ${monthCloses.month} from ${monthCloses} where ${monthCloses.month} in (${list(months)}))`,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!row) return null;
  return { status: row.status, activatedProducts: activationTimes(row.products), qpsBilledGroups: new Set(row.qpsGroups), closedMonths: new Set(row.closed) };
}

function activationTimes(pairs: string[]): Map<string, number> {
  return new Map(
    pairs.map((pair) => {
      const [product = "", ms = "0"] = pair.split(" ");
      return [product, Number(ms)];
    }),
  );
}

/** Of `ids`, those already recorded for the account: a primary-key probe per id (few ids; only rejected events ask). */
async function recordedIds(ctx: ServiceContext, accountId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.db.execute<{ event_id: string }>(sql`
    select e.id as event_id from (${unnestRows([{ values: ids, type: "text[]" }])}) as e(id)
    where exists (select 1 from ${usageEvents} u where u.account_id = ${accountId}::uuid and u.event_id = e.id)`);
  return new Set(rowsOf<{ event_id: string }>(rows).map((r) => r.event_id));
}

type Candidate = { index: number; event: BatchDrawEvent & { id: string; month: string } };

/** Thrown inside the transaction when the insert met ids recorded before: undoes it all, to redo it without them. */
class SeenBefore extends Error {
  constructor(readonly recorded: Set<string>) {
    super("some events were recorded before");
  }
}

/** Attempts of one batch: each retry knows more ids recorded before, so it ends (and racing ids are rare). */
const MAX_ATTEMPTS = 5;

/**
 * POST /api/v1/usage (API.md §1): records a batch of call reports for the API key's account and
 * draws each accepted event at once (free pack → packs by earliest expiry → postpaid, SPEC §2.5).
 *
 * One transaction per batch, serialized per account by an advisory lock, in four round trips
 * whatever the batch size: BEGIN; the lock and every read, pipelined (account facts, the usable
 * packs FOR UPDATE); the pack updates, the event insert and the hourly totals, pipelined; COMMIT
 * (plus a few when a pack alert fires, and one when an event is rejected, to tell `duplicate`).
 * An event id seen before — in an earlier batch, earlier in this one, or in a batch racing this one
 * — is answered `duplicate` and never counted twice: the lock orders racing batches and the primary
 * key backs it. "Seen before" is the insert's own answer (ON CONFLICT DO NOTHING RETURNING), a
 * primary-key probe per row whose plan does not depend on the table's statistics: a separate lookup
 * of 1,000 ids turned into a scan of the account's whole history when the statistics were stale.
 * In the rare batch that holds such ids, the transaction is rolled back and redone without them.
 */
export async function reportUsage({ ctx, input }: { ctx: ServiceContext; input: { events: ParsedEvent[] } }): Promise<UsageResult[]> {
  if (ctx.actor.type !== "api-key") throw new ForbiddenError("api-key-required");
  const { accountId, keyId } = ctx.actor;
  const valid = input.events.flatMap((p) => (p.ok ? [p.event] : []));
  const months = [...new Set(valid.map((e) => monthOf(e.at)))];
  // The partitions of usage_events for the months an event may still be accepted into (this one, the
  // previous one until it closes, the next one within the allowed clock skew) exist before the batch's
  // transaction: made once per process and month. An event of an older month that is still open goes
  // to the DEFAULT partition; a future or malformed date makes none.
  const newest = monthOf(new Date(ctx.now.getTime() + USAGE_LIMITS.futureSkewMs));
  const oldest = previousMonth(monthOf(ctx.now));
  await ensureMonthPartitions(ctx.db, months.filter((m) => m >= oldest && m <= newest));
  // The events a pack may be drawn for: those the checks could accept (a known API, a month still open, not in the future).
  const latest = ctx.now.getTime() + USAGE_LIMITS.futureSkewMs;
  const drawable = valid.flatMap((e) => {
    const month = monthOf(e.at);
    return isApiId(e.api) && month >= oldest && e.at.getTime() <= latest ? [{ api: e.api, calls: e.calls, at: e.at }] : [];
  });
  const known = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(ctx, (tx) => recordBatch(tx, accountId, keyId, input.events, months, drawable, known));
    } catch (error) {
      if (!(error instanceof SeenBefore) || attempt >= MAX_ATTEMPTS) throw error;
      for (const id of error.recorded) known.add(id);
    }
  }
}

/** One attempt, in the caller's transaction. `known`: ids found recorded by an earlier attempt (rows are never deleted under an open month). */
async function recordBatch(
  tx: ServiceContext,
  accountId: string,
  keyId: string,
  events: ParsedEvent[],
  months: string[],
  drawable: BatchDrawEvent[],
  known: Set<string>,
): Promise<UsageResult[]> {
  // The lock is a statement of its own: a statement reads from a snapshot taken when it starts, so
  // the reads and the insert below must start after the lock is held to see a racing batch's ids
  // and a close that started meanwhile. The reads are sent with it (pipelined, one round trip): the
  // server runs them one after the other, so they start once the lock is held. The packs of every
  // event that may be accepted are locked, a few more than those drawn when the checks reject some.
  const [, facts, packRows] = await Promise.all([
    tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`metering:${accountId}`}))`),
    accountFacts(tx, accountId, months),
    selectUsablePacks(tx, accountId, drawable),
  ]);
  if (!facts) throw new ForbiddenError("no-account");

  const results: UsageResult[] = [];
  const candidates: Candidate[] = [];
  const inBatch = new Set<string>();
  for (const parsed of events) {
    if (!parsed.ok) {
      results.push({ id: parsed.id, status: "rejected", error: { code: parsed.code, message: parsed.message } });
      continue;
    }
    const event = parsed.event;
    if (inBatch.has(event.id)) {
      results.push({ id: event.id, status: "duplicate" });
      continue;
    }
    const verdict = checkEvent(event, facts, tx.now);
    if (!verdict.ok) {
      results.push({ id: event.id, status: "rejected", error: { code: verdict.code, message: verdict.message } });
      continue;
    }
    inBatch.add(event.id);
    if (known.has(event.id)) {
      results.push({ id: event.id, status: "duplicate" });
      continue;
    }
    candidates.push({ index: results.length, event: { id: event.id, api: verdict.api, calls: event.calls, at: event.at, month: verdict.month } });
    results.push({ id: event.id, status: "accepted", free: 0, fromPacks: 0, billable: 0 });
  }
  // An id recorded before is `duplicate` even if it would be rejected today (a resend after its month closed).
  const rejectedIds = [...new Set(results.flatMap((r, i) => (r.status === "rejected" && events[i]?.ok ? [r.id] : [])))];
  for (const id of await recordedIds(tx, accountId, rejectedIds)) {
    results.forEach((r, i) => {
      if (r.id === id && r.status === "rejected" && events[i]?.ok) results[i] = { id, status: "duplicate" };
    });
  }
  await countLate(tx, accountId, events, results);
  if (candidates.length === 0) return results;

  const drawn = drawFromPacks(packRows, candidates.map((c) => c.event));
  const rows = candidates.map((c, i) => ({ ...c.event, ...(drawn.splits[i] ?? { free: 0, fromPacks: 0, billable: c.event.calls }) }));
  // The pack updates and the hourly totals are sent with the insert (one round trip). Should the
  // insert meet ids recorded before, the whole transaction is undone and redone without them.
  const [, inserted] = await Promise.all([updateDrawnPacks(tx, drawn), insertEvents(tx, accountId, keyId, rows), addToHourly(tx, accountId, rows)]);
  if (inserted.size !== rows.length) throw new SeenBefore(new Set(rows.flatMap((r) => (inserted.has(r.id) ? [] : [r.id]))));
  candidates.forEach((c, i) => {
    const row = rows[i];
    if (row) results[c.index] = { id: c.event.id, status: "accepted", free: row.free, fromPacks: row.fromPacks, billable: row.billable };
  });
  await packAlerts(tx, accountId, drawn, () => tx.db.select().from(alertThresholds).where(eq(alertThresholds.accountId, accountId)));
  return results;
}

/**
 * Issue 22 part 1, reading LATE_AFTER_CLOSE: an event refused `closed-month` (not a resend of one
 * recorded before, which is `duplicate`) is added to its account's "late after close" figure for the
 * event's month, in the rejection's own transaction, so a gateway that reports late shows on the staff
 * account page. Months before the first price book had no bill to be late for and are not counted.
 */
async function countLate(tx: ServiceContext, accountId: string, events: ParsedEvent[], results: UsageResult[]): Promise<void> {
  const byMonth = new Map<string, { events: number; calls: number }>();
  results.forEach((r, i) => {
    const parsed = events[i];
    if (r.status !== "rejected" || r.error.code !== "closed-month" || !parsed?.ok) return;
    const month = monthOf(parsed.event.at);
    if (month < FIRST_PRICED_MONTH) return;
    const sum = byMonth.get(month) ?? { events: 0, calls: 0 };
    sum.events += 1;
    sum.calls += parsed.event.calls;
    byMonth.set(month, sum);
  });
  if (byMonth.size === 0) return;
  await tx.db
    .insert(lateEvents)
    .values([...byMonth].map(([month, sum]) => ({ accountId, month, events: sum.events, calls: sum.calls, firstAt: tx.now, lastAt: tx.now })))
    .onConflictDoUpdate({
      target: [lateEvents.accountId, lateEvents.month],
      set: { events: sql`${lateEvents.events} + excluded.events`, calls: sql`${lateEvents.calls} + excluded.calls`, lastAt: sql`excluded.last_at` },
    });
}

/** The events of `rows` not recorded before, inserted; returns their ids. */
async function insertEvents(tx: ServiceContext, accountId: string, keyId: string, rows: (Candidate["event"] & EventSplit)[]): Promise<Set<string>> {
  const inserted = await tx.db.execute<{ event_id: string }>(sql`
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
    ])}) as e(event_id, api, calls, at, month, free, from_packs, billable)
    on conflict (account_id, event_id, month) do nothing
    returning event_id`);
  return new Set(rowsOf<{ event_id: string }>(inserted).map((r) => r.event_id));
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
