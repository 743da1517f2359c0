import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarBounds, isCalendarDay, parseDayParam, parseDayRange, parseMonthParam, problemText } from "./calendar";

const now = new Date("2026-12-02T18:00:00Z"); // 2026-12-03 02:00 in Shanghai

describe("the calendar parameter parser (issue 17 item 2)", () => {
  it("states its range: the first price book's month to a year ahead in Shanghai", () => {
    expect(calendarBounds(now)).toEqual({ firstMonth: "2022-09", lastMonth: "2027-12", firstDay: "2022-09-01", lastDay: "2027-12-03" });
    // Shanghai's day, not UTC's: 2026-12-31 20:00Z is already 2027-01-01 there.
    expect(calendarBounds(new Date("2026-12-31T20:00:00Z"))).toMatchObject({ lastMonth: "2028-01", lastDay: "2028-01-01" });
  });

  it("refuses the reported values, naming the field", () => {
    expect(parseMonthParam("month", "9999-12", now)).toEqual({ ok: false, problem: { field: "month", rule: "out-of-range", kind: "month", first: "2022-09", last: "2027-12" } });
    expect(parseDayParam("from", "0001-01-01", now)).toEqual({ ok: false, problem: { field: "from", rule: "out-of-range", kind: "day", first: "2022-09-01", last: "2027-12-03" } });
    const problem = parseDayParam("from", "0001-01-01", now);
    expect(problem.ok ? "" : problemText(problem.problem)).toBe("from: must be from 2022-09-01 to 2027-12-03");
  });

  it("accepts the edges and refuses one step beyond each", () => {
    expect(parseMonthParam("month", "2022-09", now)).toEqual({ ok: true, value: "2022-09" });
    expect(parseMonthParam("month", "2027-12", now)).toEqual({ ok: true, value: "2027-12" });
    expect(parseMonthParam("month", "2022-08", now).ok).toBe(false);
    expect(parseMonthParam("month", "2028-01", now).ok).toBe(false);
    expect(parseDayParam("d", "2022-09-01", now).ok).toBe(true);
    expect(parseDayParam("d", "2027-12-03", now).ok).toBe(true);
    expect(parseDayParam("d", "2022-08-31", now).ok).toBe(false);
    expect(parseDayParam("d", "2027-12-04", now).ok).toBe(false);
  });

  it("knows real days: leap days, Feb 30, day 00 and 32, month 00 and 13", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2000-02-29")).toBe(true);
    expect(isCalendarDay("2100-02-29")).toBe(false);
    for (const bad of ["2026-02-30", "2026-04-31", "2026-01-00", "2026-01-32", "2026-00-10", "2026-13-01", "2026-1-1", "２０２６-０１-０１", "2026-01-01T00:00Z", "+2026-01-01"]) expect(isCalendarDay(bad), bad).toBe(false);
  });

  it("treats empty as not given, trims, refuses a repeated name and a required one left out", () => {
    expect(parseDayParam("from", "", now)).toEqual({ ok: true, value: undefined });
    expect(parseDayParam("from", "  ", now)).toEqual({ ok: true, value: undefined });
    expect(parseDayParam("from", [], now)).toEqual({ ok: true, value: undefined });
    expect(parseDayParam("from", " 2026-01-05 ", now)).toEqual({ ok: true, value: "2026-01-05" });
    expect(parseMonthParam("month", ["2026-01", "2026-01"], now)).toMatchObject({ ok: false, problem: { rule: "repeated" } });
    expect(parseMonthParam("month", null, now, { required: true })).toMatchObject({ ok: false, problem: { field: "month", rule: "required" } });
  });

  it("refuses from after to on from", () => {
    expect(parseDayRange({ from: "2026-03-02", to: "2026-03-01" }, now)).toMatchObject({ ok: false, problem: { field: "from", rule: "after" } });
    expect(parseDayRange({ from: "2026-03-01", to: "2026-03-01" }, now)).toEqual({ ok: true, value: { from: "2026-03-01", to: "2026-03-01" } });
    expect(parseDayRange({ from: undefined, to: "1999-01-01" }, now)).toMatchObject({ ok: false, problem: { field: "to", rule: "out-of-range" } });
  });

  it("accepts exactly the in-range real days and months, whatever it is given", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.tuple(fc.integer({ min: -1, max: 10_001 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
      fc.tuple(fc.integer({ min: 2020, max: 2029 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
    );
    const at = fc.date({ min: new Date("2023-01-01T00:00:00Z"), max: new Date("2040-01-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(text, at, (value, when) => {
        const bounds = calendarBounds(when);
        const day = parseDayParam("d", value, when);
        const wantDay = value.trim() === "" || (isCalendarDay(value.trim()) && value.trim() >= bounds.firstDay && value.trim() <= bounds.lastDay);
        expect(day.ok).toBe(wantDay);
        if (!day.ok) expect(problemText(day.problem).startsWith("d: ")).toBe(true);
        const month = parseMonthParam("m", value, when);
        const m = value.trim();
        expect(month.ok).toBe(m === "" || (/^\d{4}-(0[1-9]|1[0-2])$/.test(m) && m >= bounds.firstMonth && m <= bounds.lastMonth));
      }),
      { numRuns: 2000 },
    );
  });
});
