/**
 * The billing calendar (SPEC §1): days and wall-clock times in Asia/Shanghai (Beijing time), which
 * is UTC+8 all year (China has observed no DST since 1991), so a fixed offset is exact and needs no
 * time-zone database. The one home of that offset: months.ts builds billing months on it, and every
 * other module asks here for a Beijing day, a wall-clock shift or the zone's name. Pure: every
 * function takes its instant as an argument.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The zone name for `Intl.DateTimeFormat` (what the console shows and the CSVs say). */
export const BILLING_TIME_ZONE = "Asia/Shanghai";

/** A Beijing calendar day, `YYYY-MM-DD`. */
export type Day = string;

/** The Beijing wall clock of an instant, as UTC fields of a shifted Date. */
export function shanghaiWallClock(ms: number): Date {
  return new Date(ms + SHANGHAI_OFFSET_MS);
}

/** The instant of a Beijing wall-clock time (fields may overflow, as Date.UTC allows). */
export function fromShanghaiWallClock(year: number, monthIndex: number, day: number, ms = 0): number {
  return Date.UTC(year, monthIndex, day) + ms - SHANGHAI_OFFSET_MS;
}

/** The Beijing day an instant falls in. */
export function shanghaiDay(at: Date): Day {
  return shanghaiWallClock(at.getTime()).toISOString().slice(0, 10);
}

/** 00:00 Beijing time on `day` (an invalid day gives an invalid Date). */
export function shanghaiDayStart(day: Day): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The Beijing weekday of an instant, 0 = Sunday. */
export function shanghaiWeekday(at: Date): number {
  return shanghaiWallClock(at.getTime()).getUTCDay();
}

/** Whether an instant is exactly midnight in Beijing (a validity that ends with a whole day). */
export function isShanghaiMidnight(at: Date): boolean {
  return (at.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS === 0;
}

/**
 * An instant as Beijing wall-clock ISO 8601 with its `+08:00` offset, as a gateway sends it:
 * `2026-11-22T10:00:00.000+08:00`, or without the milliseconds when `seconds` is asked for.
 */
export function shanghaiIsoString(at: Date, precision: "milliseconds" | "seconds" = "milliseconds"): string {
  const wall = shanghaiWallClock(at.getTime()).toISOString();
  return `${precision === "seconds" ? wall.slice(0, 19) : wall.slice(0, 23)}+08:00`;
}

/**
 * `months` calendar months after `at` at the same Beijing wall-clock time, the day clamped to the
 * month's length (31 Jan + 1 month = 28/29 Feb): the end of a QPS period (SPEC §2.6).
 */
export function addShanghaiMonths(at: Date, months: number): Date {
  const wall = shanghaiWallClock(at.getTime());
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(wall.getUTCDate(), lastDay);
  const timeOfDay = wall.getTime() - Date.UTC(year, wall.getUTCMonth(), wall.getUTCDate());
  return new Date(fromShanghaiWallClock(year, month, day, timeOfDay));
}
