import { describe, expect, it } from "vitest";
import { addShanghaiYears, compareMonths, instantMs, monthEnd, monthOf, monthStart, nextMonth, parseMonth, previousMonth, startOfShanghaiDayAfter } from "./months";

describe("billing months in Asia/Shanghai (SPEC §1)", () => {
  it("puts an instant in the Shanghai month, not the UTC one", () => {
    expect(monthOf("2024-04-30T16:00:00Z")).toBe("2024-05"); // 00:00 on 1 May in Shanghai
    expect(monthOf("2024-04-30T15:59:59.999Z")).toBe("2024-04");
    expect(monthOf(new Date("2024-12-31T16:00:00Z"))).toBe("2025-01");
  });

  it("starts a month at 00:00 on the 1st in Shanghai and ends it where the next starts", () => {
    expect(monthStart("2024-05").toISOString()).toBe("2024-04-30T16:00:00.000Z");
    expect(monthEnd("2024-05").toISOString()).toBe("2024-05-31T16:00:00.000Z");
    expect(monthEnd("2024-12").toISOString()).toBe("2024-12-31T16:00:00.000Z");
  });

  it("steps months across year ends", () => {
    expect(nextMonth("2024-12")).toBe("2025-01");
    expect(previousMonth("2025-01")).toBe("2024-12");
    expect(nextMonth("2024-02")).toBe("2024-03");
    expect(compareMonths("2022-09", "2022-10")).toBe(-1);
  });

  it("refuses malformed months and offset-less instants", () => {
    expect(() => parseMonth("2024-13")).toThrow(expect.objectContaining({ code: "invalid-month" }));
    expect(() => parseMonth("2024-5")).toThrow(expect.objectContaining({ code: "invalid-month" }));
    expect(() => instantMs("2024-05-01T00:00:00")).toThrow(expect.objectContaining({ code: "invalid-instant" }));
    expect(() => instantMs(new Date(Number.NaN))).toThrow(expect.objectContaining({ code: "invalid-instant" }));
  });

  it("counts calendar days and years on the Shanghai wall clock", () => {
    expect(startOfShanghaiDayAfter("2024-05-01T23:30:00+08:00", 1).toISOString()).toBe("2024-05-01T16:00:00.000Z");
    expect(addShanghaiYears("2024-05-01T10:00:00+08:00", 1).toISOString()).toBe("2025-05-01T02:00:00.000Z");
    // Reading CALENDAR_YEAR_VALIDITY: 29 February + 1 year = 1 March.
    expect(addShanghaiYears("2024-02-29T10:00:00+08:00", 1).toISOString()).toBe("2025-03-01T02:00:00.000Z");
  });
});
