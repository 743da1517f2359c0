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

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Characters a PostgreSQL text column cannot hold as sent: U+0000 (error 22021) and a lone UTF-16
 * surrogate (the driver encodes it as U+FFFD, so "x\ud800" and "x\udc01" would become one id).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether the instant's fields name a real calendar time: `Date` rolls 2026-02-30 over to March 2. */
function isRealInstant(text: string): boolean {
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return false;
  if (m[8] !== "Z" && (Number(m[9]) > 18 || Number(m[10]) > 59)) return false;
  return true;
}

const eventSchema = z.object({
  id: z.string({ error: "id must be a string" }).min(1, { error: "id must not be empty" }).max(USAGE_LIMITS.maxIdLength, { error: "id is longer than 128 characters" })
    .refine((id) => !UNSTORABLE.test(id), { error: "id must not contain U+0000 or a lone UTF-16 surrogate" }),
  api: z.string({ error: "api must be a string" }).min(1, { error: "api must not be empty" }).max(100, { error: "api is too long" }),
  calls: z
    .number({ error: "calls must be a number" })
    .int({ error: "calls must be an integer" })
    .min(1, { error: "calls must be at least 1" })
    .max(USAGE_LIMITS.maxCalls, { error: "calls must be at most 1,000,000" }),
  at: z.string({ error: "at must be a string" }).regex(ISO_WITH_OFFSET, { error: "at must be an ISO 8601 instant with an offset, e.g. 2026-11-22T10:00:00+08:00" })
    .refine(isRealInstant, { error: "at is not a real date and time (e.g. February 30th)" }),
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
