import { describe, expect, it } from "vitest";
import { forecastPacks, forecastRunOut } from "./forecast";

const now = new Date("2026-11-22T02:00:00Z");
const farExpiry = new Date("2027-11-22T02:00:00Z");

describe("forecastRunOut", () => {
  it("divides what is left by the last 7 days' rate", () => {
    // 7,000 drawn in 7 days = 1,000 a day; 2,500 left lasts 2.5 days.
    expect(forecastRunOut({ remaining: 2500, drawnInWindow: 7000, now, expiresAt: farExpiry })).toEqual({
      kind: "runs-out",
      at: new Date("2026-11-24T14:00:00Z"),
      days: 3,
    });
  });

  it("says not at the current rate when nothing was drawn from packs", () => {
    expect(forecastRunOut({ remaining: 10, drawnInWindow: 0, now, expiresAt: farExpiry })).toEqual({ kind: "not-at-current-rate" });
  });

  it("says empty for an exhausted pack", () => {
    expect(forecastRunOut({ remaining: 0, drawnInWindow: 700, now, expiresAt: farExpiry })).toEqual({ kind: "empty" });
  });

  it("says the pack expires first when the rate is too slow to use it up", () => {
    const expiresAt = new Date("2026-12-01T00:00:00Z");
    expect(forecastRunOut({ remaining: 100_000, drawnInWindow: 7, now, expiresAt })).toEqual({ kind: "expires-first", expiresAt });
  });

  it("waits for the packs drawn before it", () => {
    const alone = forecastRunOut({ remaining: 700, drawnInWindow: 700, now, expiresAt: farExpiry });
    const behind = forecastRunOut({ remaining: 700, drawnInWindow: 700, now, expiresAt: farExpiry, drawnFirst: 700 });
    expect(alone).toMatchObject({ kind: "runs-out", days: 7 });
    expect(behind).toMatchObject({ kind: "runs-out", days: 14 });
  });
});

describe("forecastPacks", () => {
  it("orders one API's packs by expiry (SPEC §2.5) and keeps APIs apart", () => {
    const delivered = new Date("2026-11-01T00:00:00Z");
    const forecasts = forecastPacks(
      [
        { id: "late", api: "body.detection", remaining: 7000, expiresAt: new Date("2027-10-01T00:00:00Z"), deliveredAt: delivered },
        { id: "early", api: "body.detection", remaining: 7000, expiresAt: new Date("2027-09-01T00:00:00Z"), deliveredAt: delivered },
        { id: "other", api: "body.search", remaining: 7000, expiresAt: new Date("2027-09-01T00:00:00Z"), deliveredAt: delivered },
      ],
      new Map([
        ["body.detection", 7000],
        ["body.search", 0],
      ]),
      now,
    );
    expect(forecasts.get("early")).toMatchObject({ kind: "runs-out", days: 7 });
    expect(forecasts.get("late")).toMatchObject({ kind: "runs-out", days: 14 });
    expect(forecasts.get("other")).toEqual({ kind: "not-at-current-rate" });
  });
});
