import { DAY_MS, fromShanghaiWallClock, SHANGHAI_OFFSET_MS, shanghaiDay, shanghaiWallClock, type Day } from "./calendar";
import { PricingError, showValue } from "./errors";

/**
 * Billing months (SPEC §1): calendar months in Asia/Shanghai, on the days and offset of
 * calendar.ts. Every function takes its instant as an argument.
 */

/** A billing month, `YYYY-MM`. */
export type Month = string;

/** An instant: a Date, or an ISO-8601 string with an explicit offset or `Z`. */
export type InstantInput = Date | string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
// Reading OFFSET_REQUIRED (readings.ts): a string without an offset would be read in the
// host's zone by `Date`, making results depend on the machine, so it is refused.
const ISO_INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** Year and month number (1–12) of a `YYYY-MM` string; throws `invalid-month`. */
export function parseMonth(month: Month): { year: number; month: number } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) {
    throw new PricingError("invalid-month", `month must be YYYY-MM, got ${showValue(month)}`);
  }
  return { year: Number(match[1]), month: Number(match[2]) };
}

function formatMonth(year: number, month: number): Month {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** Milliseconds since the epoch of an instant; throws `invalid-instant`. */
export function instantMs(instant: InstantInput, field = "instant"): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new PricingError("invalid-instant", `${field} is an invalid Date`);
    return ms;
  }
  const ms = ISO_INSTANT_PATTERN.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new PricingError(
      "invalid-instant",
      `${field} must be an ISO-8601 instant with an offset, got ${showValue(instant)}`,
    );
  }
  return ms;
}

export function isInstant(value: string): boolean {
  return ISO_INSTANT_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
}

/** The billing month an instant falls in. */
export function monthOf(instant: InstantInput): Month {
  const wall = shanghaiWallClock(instantMs(instant));
  return formatMonth(wall.getUTCFullYear(), wall.getUTCMonth() + 1);
}

/** 00:00 on the 1st of the month in Shanghai (SPEC §1 "the 1st"). */
export function monthStart(month: Month): Date {
  const { year, month: m } = parseMonth(month);
  return new Date(fromShanghaiWallClock(year, m - 1, 1));
}

/** The end of the month: the first instant of the next month (exclusive bound). */
export function monthEnd(month: Month): Date {
  return monthStart(nextMonth(month));
}

export function nextMonth(month: Month): Month {
  const { year, month: m } = parseMonth(month);
  return m === 12 ? formatMonth(year + 1, 1) : formatMonth(year, m + 1);
}

export function previousMonth(month: Month): Month {
  const { year, month: m } = parseMonth(month);
  return m === 1 ? formatMonth(year - 1, 12) : formatMonth(year, m - 1);
}

/** The Beijing days of a month, first to last, `YYYY-MM-DD`. */
export function daysOfMonth(month: Month): Day[] {
  const days: Day[] = [];
  for (let at = monthStart(month).getTime(); at < monthEnd(month).getTime(); at += DAY_MS) days.push(shanghaiDay(new Date(at)));
  return days;
}

/** Compares two `YYYY-MM` months (they sort as strings). */
export function compareMonths(a: Month, b: Month): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first instant of the Shanghai calendar day `days` after the day of `instant`. */
export function startOfShanghaiDayAfter(instant: InstantInput, days: number): Date {
  const wall = shanghaiWallClock(instantMs(instant));
  return new Date(
    fromShanghaiWallClock(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days),
  );
}

/**
 * The same Shanghai wall-clock time `years` later. Reading CALENDAR_YEAR_VALIDITY
 * (readings.ts): from 29 February, a year later is 1 March at the same time.
 */
export function addShanghaiYears(instant: InstantInput, years: number): Date {
  const ms = instantMs(instant);
  const wall = shanghaiWallClock(ms);
  const timeOfDay = ms + SHANGHAI_OFFSET_MS - Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  return new Date(
    fromShanghaiWallClock(wall.getUTCFullYear() + years, wall.getUTCMonth(), wall.getUTCDate(), timeOfDay),
  );
}
