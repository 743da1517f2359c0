import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatValidThrough } from "./format-date";
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
