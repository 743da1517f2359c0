import { z } from "zod";

/** API.md §1 limits for POST /api/v1/usage. */
export const USAGE_LIMITS = { maxEvents: 1000, maxIdLength: 128, maxCalls: 1_000_000, futureSkewMs: 5 * 60_000 } as const;

export interface UsageEventInput {
  id: string;
  api: string;
  calls: number;
  at: Date;
}

export type ParsedEvent = { ok: true; event: UsageEventInput } | { ok: false; id: string; code: "invalid"; message: string };

export class UsageRequestError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: "malformed" | "too-many-events",
    message: string,
  ) {
    super(message);
    this.name = "UsageRequestError";
  }
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

const eventSchema = z.object({
  id: z.string({ error: "id must be a string" }).min(1, { error: "id must not be empty" }).max(USAGE_LIMITS.maxIdLength, { error: "id is longer than 128 characters" }),
  api: z.string({ error: "api must be a string" }).min(1, { error: "api must not be empty" }).max(100, { error: "api is too long" }),
  calls: z
    .number({ error: "calls must be a number" })
    .int({ error: "calls must be an integer" })
    .min(1, { error: "calls must be at least 1" })
    .max(USAGE_LIMITS.maxCalls, { error: "calls must be at most 1,000,000" }),
  at: z.string({ error: "at must be a string" }).regex(ISO_WITH_OFFSET, { error: "at must be an ISO 8601 instant with an offset, e.g. 2026-11-22T10:00:00+08:00" }),
});

/**
 * The body's shape is checked as a whole (400 / 413, nothing recorded); each event's fields are
 * checked one by one, so one bad event is answered `rejected: invalid` beside the good ones.
 * Reading (API.md is silent on which is which): structure → 400, an event's field → `invalid`.
 */
export function parseUsageRequest(body: unknown): ParsedEvent[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new UsageRequestError(400, "malformed", "body must be a JSON object with an events array");
  const events = (body as { events?: unknown }).events;
  if (!Array.isArray(events)) throw new UsageRequestError(400, "malformed", "events must be an array");
  if (events.length === 0) throw new UsageRequestError(400, "malformed", "events must hold at least 1 event");
  if (events.length > USAGE_LIMITS.maxEvents) throw new UsageRequestError(413, "too-many-events", `events holds ${events.length} events; at most 1,000 a request`);
  return events.map((raw, index): ParsedEvent => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new UsageRequestError(400, "malformed", `events[${index}] must be an object`);
    const parsed = eventSchema.safeParse(raw);
    const rawId = (raw as { id?: unknown }).id;
    const id = typeof rawId === "string" ? rawId.slice(0, USAGE_LIMITS.maxIdLength) : "";
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, id, code: "invalid", message: `events[${index}].${String(issue?.path[0] ?? "")}: ${issue?.message ?? "invalid"}` };
    }
    const at = new Date(parsed.data.at);
    if (Number.isNaN(at.getTime())) return { ok: false, id, code: "invalid", message: `events[${index}].at: not a real instant` };
    return { ok: true, event: { id: parsed.data.id, api: parsed.data.api, calls: parsed.data.calls, at } };
  });
}
