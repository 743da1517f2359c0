import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "@/lib/pricing";
import { priceUsage } from "@/lib/pricing/price-usage";
import { FORECAST_MIN_FULL_DAYS, forecastMonth, projectRemainingCalls, thinDataWidth } from "./model";

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
    // Seven days still say little about the spread: at least ± thinDataWidth(7) of the expectation.
    expect(high).toBe(Math.round(expected * (1 + thinDataWidth(7))));
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

  it("gives the same forecast at two instants of one hour, and moves when the hour turns (no cents drift on reload)", () => {
    const days = [...Array.from({ length: 10 }, () => 40_000), 17_321];
    const apis = [{ api: "processing.quality" as const, days, free: 1_000, fromPacks: 0, freeLeft: 0, packsLeft: 0 }];
    const early = forecastMonth({ month, now: new Date(at(11, 14).getTime() + 61_000), apis });
    const late = forecastMonth({ month, now: new Date(at(11, 14).getTime() + 3_599_999), apis });
    expect(late).toEqual(early);
    const nextHour = forecastMonth({ month, now: at(11, 15), apis });
    expect(nextHour.total).not.toBe(early.total);
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
    // 3,000 so far + 8 remaining days × 1,000; three identical days are no proof of a steady rate.
    expect(forecast.apis[0]).toMatchObject({ calls: 11_000, callsLow: 3_000 + Math.round(8_000 * (1 - thinDataWidth(3))), callsHigh: 3_000 + Math.round(8_000 * (1 + thinDataWidth(3))) });
    expect(forecast).toMatchObject({ enough: true, fullDays: 3 });
  });
});

describe("a forecast from too little history (issue 19)", () => {
  // 2026-12: the account is created at 00:03 on the 2nd and sends 1,500 test calls in its first hour.
  const dec = (day: number, hour = 0, minute = 0) => new Date(Date.UTC(2026, 11, day, hour, minute) - 8 * 3_600_000);
  const newCustomer = (days: number[], now: Date) =>
    forecastMonth({ month: "2026-12", now, accountCreatedAt: dec(2, 0, 3), apis: [{ api: "scan.code-recognition", days, free: Math.min(1_000, days.reduce((a, b) => a + b, 0)), fromPacks: 0, freeLeft: 0, packsLeft: 0 }] });

  it("gives no forecast in the first hours, nor on the day after the partial first day", () => {
    expect(newCustomer([0, 1_500], dec(2, 1))).toMatchObject({ enough: false, fullDays: 0, needFullDays: FORECAST_MIN_FULL_DAYS });
    // 00:30 on the 3rd: the 2nd was only partly the account's.
    expect(newCustomer([0, 1_500, 0], dec(3, 0, 30))).toMatchObject({ enough: false, fullDays: 0 });
  });

  it("forecasts after the first full day, with a range that is not zero wide", () => {
    const forecast = newCustomer([0, 1_500, 200, 10], dec(4, 0, 30));
    expect(forecast).toMatchObject({ enough: true, fullDays: 1 });
    const line = forecast.apis[0];
    expect(line?.callsLow).toBeLessThan(line?.calls ?? 0);
    expect(line?.callsHigh).toBeGreaterThan(line?.calls ?? 0);
    expect(new Dec(forecast.totalLow).lessThan(forecast.total)).toBe(true);
    expect(new Dec(forecast.totalHigh).greaterThan(forecast.total)).toBe(true);
  });

  it("an established account (created before the month) gets a forecast after the 1st", () => {
    const forecast = forecastMonth({ month: "2026-12", now: dec(2, 0, 5), accountCreatedAt: new Date("2026-03-01T00:00:00Z"), apis: [{ api: "scan.code-recognition", days: [2_000, 3], free: 1_000, fromPacks: 0, freeLeft: 0, packsLeft: 0 }] });
    expect(forecast).toMatchObject({ enough: true, fullDays: 1 });
  });

  // Shanghai day index and the time within it; rates kept under scan's first tier bound (10,000 calls), so more calls always cost more.
  const moment = fc.record({ today: fc.integer({ min: 1, max: 29 }), fraction: fc.double({ min: 0, max: 0.99, noNaN: true }) });
  const atMoment = ({ today, fraction }: { today: number; fraction: number }) => new Date(Date.UTC(2026, 11, 1) - 8 * 3_600_000 + (today + fraction) * 86_400_000);

  it("whenever a forecast is given, low < point < high", () => {
    fc.assert(
      fc.property(moment, fc.array(fc.integer({ min: 1, max: 180 }), { minLength: 31, maxLength: 31 }), fc.integer({ min: 0, max: 28 }), (when, rates, first) => {
        const days = rates.slice(0, when.today + 1).map((calls, i) => (i < first ? 0 : calls));
        const soFar = days.reduce((a, b) => a + b, 0);
        const free = Math.min(soFar, 1_000);
        const forecast = forecastMonth({ month: "2026-12", now: atMoment(when), apis: [{ api: "scan.code-recognition", days, free, fromPacks: 0, freeLeft: 1_000 - free, packsLeft: 0 }] });
        if (!forecast.enough) return;
        const line = forecast.apis[0];
        expect(line?.callsLow).toBeLessThan(line?.calls ?? 0);
        expect(line?.callsHigh).toBeGreaterThan(line?.calls ?? 0);
        expect(new Dec(forecast.totalLow).lessThanOrEqualTo(forecast.total)).toBe(true);
        expect(new Dec(forecast.totalHigh).greaterThanOrEqualTo(forecast.total)).toBe(true);
        // Once the free calls are used up every call is paid for: the money range is strict too.
        if (free === 1_000) {
          expect(new Dec(forecast.totalLow).lessThan(forecast.total)).toBe(true);
          expect(new Dec(forecast.totalHigh).greaterThan(forecast.total)).toBe(true);
        }
      }),
    );
  });

  it("the range does not narrow as the days of data decrease", () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 0, max: 27 }), (when, rate, first) => {
        fc.pre(first + 1 < when.today);
        const width = (from: number) => {
          const days = Array.from({ length: when.today + 1 }, (_, i) => (i < from ? 0 : rate));
          const line = forecastMonth({ month: "2026-12", now: atMoment(when), apis: [{ api: "processing.crop", days, free: 0, fromPacks: 0, freeLeft: 0, packsLeft: 0 }] }).apis[0];
          return (line?.callsHigh ?? 0) - (line?.callsLow ?? 0);
        };
        expect(width(first + 1)).toBeGreaterThanOrEqual(width(first));
      }),
    );
  });
});

describe("the range across a tier's edge", () => {
  // scan.code-recognition: ¥0.09 a call up to 100,000 calls a month, ¥0.06 from 100,001 (SPEC §2.3).
  // 3,300 calls a day for 14 days: 99,000 expected, the range 88,440–109,560 calls.
  const days = [...Array.from({ length: 14 }, () => 3_300), 0];
  const api = { api: "scan.code-recognition" as const, days, free: 1_000, fromPacks: 0, freeLeft: 0, packsLeft: 0 };
  const costOf = (calls: number, free = api.free) => priceUsage([{ api: api.api, calls, free, fromPacks: 0 }]).total;

  it("is as dear as the last call count of the dearer tier when the range crosses into a cheaper one", () => {
    const line = forecastMonth({ month, now: at(15), apis: [api] }).apis[0];
    if (!line) throw new Error("no line");
    // The range straddles 100,000 calls: 100,000 calls at ¥0.09 cost more than the range's top at ¥0.06.
    expect(line.callsLow).toBeLessThan(100_000);
    expect(line.callsHigh).toBeGreaterThan(100_000);
    expect(line.amountHigh).toBe(costOf(100_000).toFixed(2));
    expect(line.amountHigh).toBe("8910.00");
    expect(new Dec(line.amountHigh).greaterThan(costOf(line.callsHigh))).toBe(true);
  });

  it("holds every call count inside it, for any history (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 2, maxLength: 28 }), fc.integer({ min: 0, max: 23 }), (history, hour) => {
        const apiSoFar = { ...api, days: [...history, 0], free: Math.min(api.free, history.reduce((a, b) => a + b, 0)) };
        const line = forecastMonth({ month, now: at(history.length + 1, hour), apis: [apiSoFar] }).apis[0];
        if (!line) return;
        const step = Math.max(1, Math.floor((line.callsHigh - line.callsLow) / 50));
        for (let calls = line.callsLow; calls <= line.callsHigh; calls += step) {
          const cost = costOf(calls, apiSoFar.free);
          expect(cost.greaterThanOrEqualTo(line.amountLow) && cost.lessThanOrEqualTo(line.amountHigh), `${calls} calls cost ${cost.toFixed(2)}, outside ${line.amountLow}–${line.amountHigh}`).toBe(true);
        }
        for (const edge of [100_000, 100_001, line.callsHigh]) {
          if (edge < line.callsLow || edge > line.callsHigh) continue;
          const cost = costOf(edge, apiSoFar.free);
          expect(cost.greaterThanOrEqualTo(line.amountLow) && cost.lessThanOrEqualTo(line.amountHigh)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
