import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawCalls, orderPacksForDrawing, type UsablePack } from "./draw";

const pack = (id: string, remaining: number, expiresAt: string, deliveredAt = "2024-01-01T00:00:00+08:00"): UsablePack => ({
  id,
  remaining,
  expiresAt,
  deliveredAt,
});

describe("drawing calls: free, then packs, then postpaid (SPEC §2.5)", () => {
  it("takes free calls first, then packs, then bills the rest", () => {
    const draw = drawCalls({ calls: 2_500, freeRemaining: 50, packs: [pack("A", 1_000, "2025-01-01T00:00:00+08:00")] });
    expect(draw).toEqual({ free: 50, packs: [{ id: "A", used: 1_000, remaining: 0 }], fromPacks: 1_000, billable: 1_450 });
  });

  it("draws the pack that expires first, whatever the order given", () => {
    const draw = drawCalls({
      calls: 150,
      freeRemaining: 0,
      packs: [pack("late", 100, "2025-03-01T00:00:00+08:00"), pack("early", 100, "2025-02-01T00:00:00+08:00")],
    });
    expect(draw.packs).toEqual([
      { id: "early", used: 100, remaining: 0 },
      { id: "late", used: 50, remaining: 50 },
    ]);
  });

  it("breaks an expiry tie by the older purchase", () => {
    const expires = "2025-03-01T00:00:00+08:00";
    const ordered = orderPacksForDrawing([
      pack("newer", 10, expires, "2024-03-02T00:00:00+08:00"),
      pack("older", 10, expires, "2024-03-01T00:00:00+08:00"),
    ]);
    expect(ordered.map((p) => p.id)).toEqual(["older", "newer"]);
  });

  it("skips exhausted packs and lists only packs drawn from", () => {
    const draw = drawCalls({
      calls: 5,
      freeRemaining: 0,
      packs: [pack("empty", 0, "2025-01-01T00:00:00+08:00"), pack("full", 10, "2025-02-01T00:00:00+08:00"), pack("spare", 10, "2025-03-01T00:00:00+08:00")],
    });
    expect(draw.packs).toEqual([{ id: "full", used: 5, remaining: 5 }]);
    expect(draw.billable).toBe(0);
  });

  it("refuses negative or fractional counts", () => {
    expect(() => drawCalls({ calls: -1, freeRemaining: 0, packs: [] })).toThrow(expect.objectContaining({ code: "invalid-count" }));
    expect(() => drawCalls({ calls: 1.5, freeRemaining: 0, packs: [] })).toThrow(expect.objectContaining({ code: "invalid-count" }));
  });

  const packsArb = fc.array(
    fc.record({
      remaining: fc.nat(5_000),
      expiresDay: fc.integer({ min: 1, max: 28 }),
      deliveredDay: fc.integer({ min: 1, max: 28 }),
    }),
    { maxLength: 6 },
  );

  it("free + fromPacks + billable = calls, no part negative, no pack over-drawn (property)", () => {
    fc.assert(
      fc.property(fc.nat(30_000), fc.nat(2_000), packsArb, (calls, freeRemaining, specs) => {
        const packs = specs.map((spec, i) =>
          pack(`p${i}`, spec.remaining, `2025-02-${String(spec.expiresDay).padStart(2, "0")}T00:00:00+08:00`, `2024-02-${String(spec.deliveredDay).padStart(2, "0")}T00:00:00+08:00`),
        );
        const draw = drawCalls({ calls, freeRemaining, packs });
        expect(draw.free + draw.fromPacks + draw.billable).toBe(calls);
        expect(Math.min(draw.free, draw.fromPacks, draw.billable)).toBeGreaterThanOrEqual(0);
        expect(draw.free).toBeLessThanOrEqual(freeRemaining);
        expect(draw.packs.reduce((sum, d) => sum + d.used, 0)).toBe(draw.fromPacks);
        for (const d of draw.packs) {
          const original = packs.find((p) => p.id === d.id);
          expect(d.used).toBeGreaterThan(0);
          expect(d.used).toBeLessThanOrEqual(original?.remaining ?? -1);
          expect(d.remaining).toBe((original?.remaining ?? 0) - d.used);
        }
        // Postpaid only once every pack is empty.
        if (draw.billable > 0) expect(draw.fromPacks).toBe(packs.reduce((sum, p) => sum + p.remaining, 0));
      }),
    );
  });
});
