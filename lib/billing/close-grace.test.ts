import { describe, expect, it } from "vitest";
import { CLOSE_GRACE_DEFAULT_MS, closeDueAt, parseCloseGrace } from "./close-grace";

describe("CLOSE_GRACE", () => {
  it("defaults to two hours and reads minutes, hours or both", () => {
    expect(parseCloseGrace(undefined)).toBe(CLOSE_GRACE_DEFAULT_MS);
    expect(parseCloseGrace("")).toBe(CLOSE_GRACE_DEFAULT_MS);
    expect(parseCloseGrace("0")).toBe(0);
    expect(parseCloseGrace("90m")).toBe(90 * 60_000);
    expect(parseCloseGrace("2h")).toBe(2 * 3_600_000);
    expect(parseCloseGrace("1h30m")).toBe(90 * 60_000);
    expect(parseCloseGrace("48h")).toBe(48 * 3_600_000);
  });

  it.each(["2", "2.5h", "-1h", "3d", "49h", "48h1m", "h", "m", "2 h", "0h0x", "1e2m"])("refuses %j, naming the variable", (raw) => {
    expect(() => parseCloseGrace(raw)).toThrow(/CLOSE_GRACE/);
  });

  it("starts the close at the month's end plus the grace, in Beijing time", () => {
    expect(closeDueAt("2026-11", CLOSE_GRACE_DEFAULT_MS).toISOString()).toBe(new Date("2026-12-01T02:00:00+08:00").toISOString());
    expect(closeDueAt("2026-11", 48 * 3_600_000).toISOString()).toBe(new Date("2026-12-03T00:00:00+08:00").toISOString());
    expect(closeDueAt("2026-11", 0).toISOString()).toBe(new Date("2026-12-01T00:00:00+08:00").toISOString());
  });
});
