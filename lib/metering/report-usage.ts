import "server-only";
import { eq, sql } from "drizzle-orm";
import { accounts, alertThresholds, monthCloses, qpsGroupModes, serviceActivations, usageEvents, usageHourly } from "@/db/schema";
import { ForbiddenError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { drawBatch, type BatchDrawEvent, type BatchDrawResult, type EventSplit } from "@/lib/packs/draw-batch";
import { rowsOf, unnestRows } from "@/db/unnest";
import { monthOf, previousMonth } from "@/lib/pricing";
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

/** Thrown inside the savepoint when the insert met ids recorded before: undoes the draw, to redo it without them. */
class SeenBefore extends Error {
  constructor(readonly inserted: Set<string>) {
    super("some events were recorded before");
  }
}

/**
 * POST /api/v1/usage (API.md §1): records a batch of call reports for the API key's account and
 * draws each accepted event at once (free pack → packs by earliest expiry → postpaid, SPEC §2.5).
 *
 * One transaction per batch, serialized per account by an advisory lock, with a constant number
 * of statements whatever the batch size (plus a few per pack alert fired). An event id seen
 * before — in an earlier batch, earlier in this one, or in a batch racing this one — is answered
 * `duplicate` and never counted twice: the lock orders racing batches and the primary key backs it.
 * "Seen before" is the insert's own answer (ON CONFLICT DO NOTHING RETURNING), a primary-key probe
 * per row whose plan does not depend on the table's statistics: a separate lookup of 1,000 ids
 * turned into a scan of the account's whole history when the statistics were stale. In the rare
 * batch that holds such ids, the draw and insert are undone (a savepoint) and redone without them.
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
  return inTransaction(ctx, async (tx) => {
    // The lock is a statement of its own: a statement reads from a snapshot taken when it starts, so
    // the reads and the insert below must start after the lock is held to see a racing batch's ids
    // and a close that started meanwhile. The facts are sent with it (pipelined, one round trip):
    // the server runs them one after the other, so the facts' statement starts once the lock is held.
    const [, facts] = await Promise.all([tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`metering:${accountId}`}))`), accountFacts(tx, accountId, months)]);
    if (!facts) throw new ForbiddenError("no-account");

    const results: UsageResult[] = [];
    const candidates: Candidate[] = [];
    const inBatch = new Set<string>();
    for (const parsed of input.events) {
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
      candidates.push({ index: results.length, event: { id: event.id, api: verdict.api, calls: event.calls, at: event.at, month: verdict.month } });
      results.push({ id: event.id, status: "accepted", free: 0, fromPacks: 0, billable: 0 });
    }
    // An id recorded before is `duplicate` even if it would be rejected today (a resend after its month closed).
    const rejectedIds = [...new Set(results.flatMap((r, i) => (r.status === "rejected" && input.events[i]?.ok ? [r.id] : [])))];
    for (const id of await recordedIds(tx, accountId, rejectedIds)) {
      results.forEach((r, i) => {
        if (r.id === id && r.status === "rejected" && input.events[i]?.ok) results[i] = { id, status: "duplicate" };
      });
    }
    if (candidates.length === 0) return results;

    let accepted = candidates;
    let recorded: { drawn: BatchDrawResult; rows: (Candidate["event"] & EventSplit)[] };
    try {
      recorded = await inTransaction(tx, (sp) => drawAndInsert(sp, accountId, keyId, accepted, true));
    } catch (error) {
      if (!(error instanceof SeenBefore)) throw error;
      for (const c of accepted) if (!error.inserted.has(c.event.id)) results[c.index] = { id: c.event.id, status: "duplicate" };
      accepted = accepted.filter((c) => error.inserted.has(c.event.id));
      if (accepted.length === 0) return results;
      // Under the lock nothing else records this account's events: the second insert meets no conflict.
      recorded = await drawAndInsert(tx, accountId, keyId, accepted, false);
    }
    accepted.forEach((c, i) => {
      const row = recorded.rows[i];
      if (row) results[c.index] = { id: c.event.id, status: "accepted", free: row.free, fromPacks: row.fromPacks, billable: row.billable };
    });
    await packAlerts(tx, accountId, recorded.drawn, () => tx.db.select().from(alertThresholds).where(eq(alertThresholds.accountId, accountId)));
    return results;
  });
}

async function drawAndInsert(tx: ServiceContext, accountId: string, keyId: string, accepted: Candidate[], undoOnConflict: boolean) {
  const drawn = await drawBatch(tx, accountId, accepted.map((a) => a.event));
  const rows = accepted.map((a, i) => ({ ...a.event, ...(drawn.splits[i] ?? { free: 0, fromPacks: 0, billable: a.event.calls }) }));
  const insert = tx.db.execute<{ event_id: string }>(sql`
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
  // The hourly totals are sent with the insert (one round trip). Should the insert meet ids recorded
  // before, the savepoint undoes both.
  const [inserted] = await Promise.all([insert, addToHourly(tx, accountId, rows)]);
  const ids = rowsOf<{ event_id: string }>(inserted);
  if (ids.length !== rows.length) {
    if (undoOnConflict) throw new SeenBefore(new Set(ids.map((r) => r.event_id)));
    throw new Error("usage events conflicted under the account's lock");
  }
  return { drawn, rows };
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
