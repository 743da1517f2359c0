import { describe, expect, it } from "vitest";
import { forecastMonth, projectRemainingCalls } from "./model";

// 2026-11-01 is a Sunday in Shanghai.
const month = "2026-11";
const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 10, day, hour) - 8 * 3_600_000);

describe("month-end forecast", () => {
  it("projects the same weekday's average for each remaining day", () => {
    // Seven full days: weekdays 1,000, weekend 500; at 00:00 on the 8th (a Sunday).
    const days = [500, 1000, 1000, 1000, 1000, 1000, 500, 0];
    const [expected, low, high] = projectRemainingCalls(month, days, 7, 30, 0);
    // 23 days left (8th–30th): Sundays 8,15,22,29 and Saturdays 14,21,28 → 7 weekend days, 16 weekdays.
    expect(expected).toBe(7 * 500 + 16 * 1000);
    expect(low).toBe(23 * 500);
    expect(high).toBe(23 * 1000);
  });

  it("prices the projected total at the tier it reaches and keeps the range ordered", () => {
    // processing.quality: 0.003/call under 1,000,000 calls, 0.0025 from 1,000,000 (SPEC §2.3).
    const days = Array.from({ length: 10 }, () => 40_000);
    const forecast = forecastMonth({ month, now: at(11), apis: [{ api: "processing.quality", days: [...days, 0], free: 1_000, fromPacks: 0, freeLeft: 0, packsLeft: 0 }] });
    const line = forecast.apis[0];
    expect(line?.calls).toBe(1_200_000);
    expect(line?.tier).toBe(2);
    expect(line?.amount).toBe("2997.50");
    expect(forecast.total).toBe("2997.50");
    expect(Number(forecast.totalLow)).toBeLessThanOrEqual(Number(forecast.total));
    expect(Number(forecast.totalHigh)).toBeGreaterThanOrEqual(Number(forecast.total));
  });

  it("draws projected calls from free calls and packs left before postpaid", () => {
    const forecast = forecastMonth({ month, now: at(16), apis: [{ api: "body.detection", days: Array.from({ length: 16 }, (_, i) => (i < 15 ? 1_000 : 0)), free: 1_000, fromPacks: 14_000, freeLeft: 0, packsLeft: 10_000 }] });
    // 15,000 so far + 15 × 1,000 expected = 30,000; 10,000 more from packs, 5,000 postpaid × 0.002.
    expect(forecast.apis[0]).toMatchObject({ calls: 30_000, amount: "10.00" });
  });

  it("on the last instant of the month forecasts what is there", () => {
    const forecast = forecastMonth({ month, now: at(31), apis: [{ api: "scan.code-recognition", days: Array.from({ length: 30 }, () => 100), free: 1_000, fromPacks: 0, freeLeft: 0, packsLeft: 0 }] });
    expect(forecast.apis[0]).toMatchObject({ calls: 3_000, amount: "240.00", amountLow: "240.00", amountHigh: "240.00" });
  });
});

describe("a customer who started this month", () => {
  it("does not count the days before its first call as quiet days", () => {
    // First calls on the 20th (a Friday): 1,000 a day for the 20th–22nd, now 00:00 on the 23rd.
    const days = [...Array.from({ length: 19 }, () => 0), 1000, 1000, 1000, 0];
    const forecast = forecastMonth({ month, now: at(23), apis: [{ api: "processing.quality", days, free: 1000, fromPacks: 0, freeLeft: 0, packsLeft: 0 }] });
    // 3,000 so far + 8 remaining days × 1,000.
    expect(forecast.apis[0]).toMatchObject({ calls: 11_000, callsLow: 11_000, callsHigh: 11_000 });
  });
});
