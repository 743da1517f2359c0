import { describe, expect, it } from "vitest";
import { parseUsageRequest, UsageRequestError } from "./usage-request";

const good = { id: "gw-1", api: "processing.quality", calls: 1, at: "2026-11-22T10:00:00+08:00" };

function refused(body: unknown): UsageRequestError {
  try {
    parseUsageRequest(body);
  } catch (error) {
    if (error instanceof UsageRequestError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("usage request parsing (API.md §1)", () => {
  it("reads good events in order", () => {
    const parsed = parseUsageRequest({ events: [good, { ...good, id: "gw-2", calls: 1_000_000 }] });
    expect(parsed.map((p) => (p.ok ? p.event.id : null))).toEqual(["gw-1", "gw-2"]);
    expect(parsed[0]).toMatchObject({ ok: true, event: { at: new Date("2026-11-22T02:00:00Z") } });
  });

  it("answers a malformed body with 400 naming the field", () => {
    expect(refused(null)).toMatchObject({ status: 400, message: expect.stringContaining("events") });
    expect(refused({ events: "x" })).toMatchObject({ status: 400, message: "events must be an array" });
    expect(refused({ events: [] })).toMatchObject({ status: 400 });
    expect(refused({ events: [good, 7] })).toMatchObject({ status: 400, message: "events[1] must be an object" });
  });

  it("answers more than 1,000 events with 413", () => {
    expect(refused({ events: Array.from({ length: 1001 }, (_, i) => ({ ...good, id: `e${i}` })) })).toMatchObject({ status: 413, code: "too-many-events" });
  });

  it("rejects a bad event alone, naming its field", () => {
    const parsed = parseUsageRequest({
      events: [good, { ...good, id: "a", calls: 0 }, { ...good, id: "b", calls: 1.5 }, { ...good, id: "x".repeat(129) }, { ...good, id: "c", at: "2026-11-22 10:00" }],
    });
    expect(parsed[0]?.ok).toBe(true);
    expect(parsed.slice(1).map((p) => (p.ok ? "ok" : p.message))).toEqual([
      "events[1].calls: calls must be at least 1",
      "events[2].calls: calls must be an integer",
      "events[3].id: id is longer than 128 characters",
      expect.stringContaining("events[4].at: at must be an ISO 8601 instant"),
    ]);
  });

  it("rejects ids PostgreSQL text cannot store as sent (U+0000, lone surrogates), naming the field", () => {
    const ids = ["a\u0000b", "x\ud800", "x\udc01", "\udc01x\ud800"];
    const parsed = parseUsageRequest({ events: [...ids.map((id) => ({ ...good, id })), { ...good, id: "pair-\ud83d\ude00" }] });
    expect(parsed.slice(0, 4).map((p) => (p.ok ? "ok" : `${p.code} ${p.message}`))).toEqual(ids.map((_, i) => `invalid events[${i}].id: id must not contain U+0000 or a lone UTF-16 surrogate`));
    expect(parsed[4]?.ok).toBe(true);
  });

  it("rejects impossible calendar dates and times instead of rolling them over", () => {
    const ats = ["2026-02-30T10:00:00+08:00", "2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-04-31T10:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T10:60:00Z", "2026-11-22T10:00:60Z", "2026-11-00T10:00:00Z", "2026-11-22T10:00:00+24:00"];
    const parsed = parseUsageRequest({ events: ats.map((at, i) => ({ ...good, id: `d${i}`, at })) });
    expect(parsed.map((p) => (p.ok ? "ok" : p.message))).toEqual(ats.map((_, i) => `events[${i}].at: at is not a real date and time (e.g. February 30th)`));
    expect(parseUsageRequest({ events: [{ ...good, at: "2028-02-29T23:59:59.999-05:30" }] })[0]).toMatchObject({ ok: true, event: { at: new Date("2028-03-01T05:29:59.999Z") } });
  });
});
