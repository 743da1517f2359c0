import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMachineDateTime, formatMonth, formatMonthList, formatTime, formatValidThrough } from "./format-date";
import { dateTimeFormat } from "./formatters";

describe("Intl formatters made once", () => {
  it("hands back the same formatter for the same locale and options, another for others", () => {
    const options = { dateStyle: "medium", timeZone: "Asia/Shanghai" } as const;
    expect(dateTimeFormat("en", options)).toBe(dateTimeFormat("en", { ...options }));
    expect(dateTimeFormat("zh-CN", options)).not.toBe(dateTimeFormat("en", options));
  });

  it("formats as before: Shanghai calendar, the reader's language", () => {
    const at = new Date("2026-03-31T16:30:00Z"); // 2026-04-01 00:30 in Shanghai
    expect(formatDate("en", at)).toBe("Apr 1, 2026");
    expect(formatDateTime("en", at)).toBe("Apr 1, 2026, 00:30");
    expect(formatDate("zh-CN", at)).toBe("2026年4月1日");
    expect(formatValidThrough("en", new Date("2026-12-31T16:00:00Z"), (d, t) => `${d} ${t}`)).toBe("Dec 31, 2026");
    expect(formatValidThrough("en", new Date("2026-12-31T04:00:00Z"), (d, t) => `${d} ${t}`)).toBe("Dec 31, 2026 12:00");
  });
});

describe("one 24-hour clock and months by name (issue 19 item 6)", () => {
  const justAfterMidnight = new Date("2026-12-02T16:17:00Z"); // 00:17 on Dec 3 in Beijing
  const afternoon = new Date("2026-12-03T05:05:00Z"); // 13:05 in Beijing

  it("never writes AM/PM or 上午/下午, in either language", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      for (const at of [justAfterMidnight, afternoon]) {
        for (const text of [formatDateTime(locale, at), formatTime(locale, at)]) expect(text).not.toMatch(/AM|PM|上午|下午|凌晨|中午|晚上/);
      }
    }
    expect(formatTime("en", justAfterMidnight)).toBe("00:17");
    expect(formatTime("zh-CN", afternoon)).toBe("13:05");
    expect(formatDateTime("en", justAfterMidnight)).toBe("Dec 3, 2026, 00:17");
    expect(formatDateTime("zh-CN", afternoon)).toBe("2026年12月3日 13:05");
  });

  it("names months: November 2026 / 2026年11月, whatever the time zone", () => {
    expect(formatMonth("en", "2026-11")).toBe("November 2026");
    expect(formatMonth("zh-CN", "2026-11")).toBe("2026年11月");
    expect(formatMonth("en", "2027-01")).toBe("January 2027");
    expect(formatMonthList("en", ["2026-10", "2026-11"])).toBe("October 2026 and November 2026");
    expect(formatMonthList("zh-CN", ["2026-10", "2026-11"])).toBe("2026年10月和2026年11月");
  });

  it("gives files a sortable Beijing stamp", () => {
    expect(formatMachineDateTime(new Date("2025-03-31T16:05:00Z"))).toBe("2025-04-01 00:05:00");
    expect(formatMachineDateTime(afternoon)).toBe("2026-12-03 13:05:00");
  });
});
