import "server-only";
import type { ServiceContext } from "@/lib/context";
import { reportUsage, type UsageResult } from "./report-usage";
import { USAGE_LIMITS, type ParsedEvent } from "./usage-request";

interface Waiting {
  ctx: ServiceContext;
  events: ParsedEvent[];
  resolve: (results: UsageResult[]) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  queue: Waiting[];
  running: boolean;
}

const lanes = new Map<string, Lane>();

/**
 * Group commit for POST /api/v1/usage: requests of one account that arrive while its previous
 * transaction is running are reported together in the next one, in arrival order, as if they had
 * come one after another — each still gets its own results, duplicates across them are still
 * `duplicate`. A gateway sending single events at a high rate then pays one transaction per group
 * instead of one per event. The per-account advisory lock inside `reportUsage` keeps this correct
 * across server instances; this only saves round trips within one.
 */
export function reportUsageGrouped(ctx: ServiceContext, events: ParsedEvent[]): Promise<UsageResult[]> {
  if (ctx.actor.type !== "api-key") return reportUsage({ ctx, input: { events } });
  // One lane per key: the events of a group are recorded under the key that sent them.
  const key = `${ctx.actor.accountId}|${ctx.actor.keyId}`;
  const lane = lanes.get(key) ?? { queue: [], running: false };
  lanes.set(key, lane);
  const result = new Promise<UsageResult[]>((resolve, reject) => lane.queue.push({ ctx, events, resolve, reject }));
  if (!lane.running) void drain(key, lane);
  return result;
}

async function drain(key: string, lane: Lane): Promise<void> {
  lane.running = true;
  try {
    while (lane.queue.length > 0) {
      // Whole requests, up to the 1,000 events one request may carry (at least one request).
      const group: Waiting[] = [];
      let size = 0;
      while (lane.queue.length > 0 && (group.length === 0 || size + (lane.queue[0]?.events.length ?? 0) <= USAGE_LIMITS.maxEvents)) {
        const next = lane.queue.shift();
        if (!next) break;
        group.push(next);
        size += next.events.length;
      }
      const first = group[0];
      if (!first) break;
      try {
        // The last arrival's clock: every event of the group is checked against that time.
        const last = group[group.length - 1] ?? first;
        const results = await reportUsage({ ctx: last.ctx, input: { events: group.flatMap((w) => w.events) } });
        let offset = 0;
        for (const waiting of group) {
          waiting.resolve(results.slice(offset, offset + waiting.events.length));
          offset += waiting.events.length;
        }
      } catch (error) {
        // One member's events may be what failed the shared transaction (whatever slipped past the
        // parser): the others must not fail with it. Each is retried alone, in arrival order, so
        // only the one that fails by itself gets the error.
        if (group.length === 1) first.reject(error);
        else for (const waiting of group) await reportAlone(waiting);
      }
    }
  } finally {
    lane.running = false;
    if (lane.queue.length === 0) lanes.delete(key);
  }
}

async function reportAlone(waiting: Waiting): Promise<void> {
  try {
    waiting.resolve(await reportUsage({ ctx: waiting.ctx, input: { events: waiting.events } }));
  } catch (error) {
    waiting.reject(error);
  }
}
