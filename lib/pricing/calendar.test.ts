import { describe, expect, it } from "vitest";
import { addShanghaiMonths, isShanghaiMidnight, shanghaiDay, shanghaiDayStart, shanghaiIsoString, shanghaiWeekday } from "./calendar";
import { daysOfMonth } from "./months";

describe("the billing calendar: Beijing days (SPEC §1)", () => {
  it("puts an instant in its Beijing day, which starts at 16:00 UTC the day before", () => {
    expect(shanghaiDay(new Date("2026-11-21T15:59:59.999Z"))).toBe("2026-11-21");
    expect(shanghaiDay(new Date("2026-11-21T16:00:00Z"))).toBe("2026-11-22");
    expect(shanghaiDayStart("2026-11-22").toISOString()).toBe("2026-11-21T16:00:00.000Z");
    expect(Number.isNaN(shanghaiDayStart("2026-13-01").getTime())).toBe(true);
  });

  it("gives the Beijing weekday and knows a Beijing midnight", () => {
    // 2026-11-22 is a Sunday in Beijing while it is still Saturday in UTC.
    expect(shanghaiWeekday(new Date("2026-11-21T16:30:00Z"))).toBe(0);
    expect(isShanghaiMidnight(new Date("2027-01-01T00:00:00+08:00"))).toBe(true);
    expect(isShanghaiMidnight(new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });

  it("writes an instant as Beijing wall-clock ISO 8601 with +08:00", () => {
    const at = new Date("2026-11-22T02:00:00.123Z");
    expect(shanghaiIsoString(at)).toBe("2026-11-22T10:00:00.123+08:00");
    expect(shanghaiIsoString(at, "seconds")).toBe("2026-11-22T10:00:00+08:00");
    expect(new Date(shanghaiIsoString(at)).getTime()).toBe(at.getTime());
  });

  it("adds calendar months at the same wall-clock time, clamping the day", () => {
    expect(addShanghaiMonths(new Date("2027-01-31T10:00:00+08:00"), 1).toISOString()).toBe("2027-02-28T02:00:00.000Z");
    expect(addShanghaiMonths(new Date("2026-11-30T23:00:00+08:00"), 3).toISOString()).toBe("2027-02-28T15:00:00.000Z");
  });

  it("lists the Beijing days of a month", () => {
    expect(daysOfMonth("2026-11")).toHaveLength(30);
    expect(daysOfMonth("2024-02").at(-1)).toBe("2024-02-29");
    expect(daysOfMonth("2026-12")[0]).toBe("2026-12-01");
  });
});
