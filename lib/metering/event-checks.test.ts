import { describe, expect, it } from "vitest";
import { checkEvent, type AccountFacts } from "./event-checks";

const now = new Date("2026-11-22T02:00:00Z");
const activatedAt = new Date("2022-01-01T00:00:00Z").getTime();
const facts: AccountFacts = { status: "active", activatedProducts: new Map(["processing", "body", "recognition"].map((p) => [p, activatedAt])), qpsBilledGroups: new Set(), closedMonths: new Set() };
const event = (api: string, at = "2026-11-22T10:00:00+08:00") => ({ id: "e", api, calls: 1, at: new Date(at) });

describe("which events may be counted", () => {
  it("accepts an activated API in an open month", () => {
    expect(checkEvent(event("processing.quality"), facts, now)).toEqual({ ok: true, api: "processing.quality", month: "2026-11" });
  });
  it.each([
    ["unknown API", event("processing.nope"), facts, "unknown-api"],
    ["product not activated", event("scan.code-recognition"), facts, "not-activated"],
    ["suspended", event("processing.quality"), { ...facts, status: "suspended" as const }, "suspended"],
    ["disabled", event("processing.quality"), { ...facts, status: "disabled" as const }, "disabled"],
    ["QPS-billed group", event("body.search"), { ...facts, qpsBilledGroups: new Set(["body"]) }, "qps-billed"],
    ["more than 5 minutes ahead", event("processing.quality", "2026-11-22T10:05:01+08:00"), facts, "future"],
    ["two months back", event("processing.quality", "2026-09-30T23:00:00+08:00"), facts, "closed-month"],
    ["previous month after its close", event("processing.quality", "2026-10-31T23:00:00+08:00"), { ...facts, closedMonths: new Set(["2026-10"]) }, "closed-month"],
  ])("rejects: %s", (_label, input, accountFacts, code) => {
    expect(checkEvent(input, accountFacts, now)).toMatchObject({ ok: false, code });
  });
  it("rejects an event dated before its product's activation as not-activated, and accepts one at that instant", () => {
    const lateFacts = { ...facts, activatedProducts: new Map([["processing", new Date("2026-11-22T01:00:00Z").getTime()]]) };
    expect(checkEvent(event("processing.quality", "2026-11-22T08:59:59+08:00"), lateFacts, now)).toMatchObject({ ok: false, code: "not-activated" });
    expect(checkEvent(event("processing.quality", "2026-11-22T09:00:00+08:00"), lateFacts, now).ok).toBe(true);
  });
  it("accepts exactly 5 minutes ahead, and the previous month before its close", () => {
    expect(checkEvent(event("processing.quality", "2026-11-22T10:05:00+08:00"), facts, now).ok).toBe(true);
    expect(checkEvent(event("processing.quality", "2026-10-31T23:59:59+08:00"), facts, now).ok).toBe(true);
  });
  it("rejects an API that its month's price book does not offer", () => {
    const in2023 = new Date("2023-11-15T02:00:00Z");
    expect(checkEvent(event("recognition.pet", "2023-11-15T09:00:00+08:00"), facts, in2023)).toMatchObject({ ok: false, code: "unknown-api" });
  });
});
