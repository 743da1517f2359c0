import { shanghaiDay } from "@/lib/pricing/calendar";
import { addShanghaiYears, isMonth, monthOf, type Month } from "@/lib/pricing/months";
import { FIRST_PRICED_MONTH } from "@/lib/pricing/catalog/price-books";

/**
 * The one parser of every month (`YYYY-MM`) and day (`YYYY-MM-DD`, a Shanghai calendar day) a
 * request names: API and CSV query strings, /api/console, pages' searchParams, bill paths and
 * form fields (issue 17 item 2). Pure: `now` is an argument (lib/clock's, from the caller).
 *
 * The stated range: from the first price book's month (FIRST_PRICED_MONTH, SPEC §2.1; nothing
 * before it can be billed or quoted) to one year ahead of now in Shanghai. Outside it nothing we
 * store can match, and the edges of the JavaScript and PostgreSQL calendars (year 0000, 10000-01
 * after a month's end) stay far away: those were the 500s.
 */
export const YEARS_AHEAD = 1;

export interface CalendarBounds {
  firstMonth: Month;
  lastMonth: Month;
  firstDay: string;
  lastDay: string;
}

export function calendarBounds(now: Date): CalendarBounds {
  const ahead = addShanghaiYears(now, YEARS_AHEAD);
  const lastDay = shanghaiDayOf(ahead);
  return { firstMonth: FIRST_PRICED_MONTH, lastMonth: monthOf(ahead), firstDay: `${FIRST_PRICED_MONTH}-01`, lastDay };
}

/** What a query string, Next's searchParams or a form gives for one name. */
export type ParamInput = string | readonly string[] | null | undefined;

export type CalendarKind = "month" | "day";

export type CalendarProblem =
  | { field: string; rule: "required"; kind: CalendarKind }
  | { field: string; rule: "repeated"; kind: CalendarKind }
  | { field: string; rule: "malformed"; kind: CalendarKind }
  | { field: string; rule: "out-of-range"; kind: CalendarKind; first: string; last: string }
  | { field: string; rule: "after"; kind: CalendarKind; other: string };

export type CalendarParse<T> = { ok: true; value: T } | { ok: false; problem: CalendarProblem };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar day: 2028-02-29 is, 2026-02-30 and 2026-13-01 are not. Arithmetic only (Date maps years 0–99 to 19xx). */
export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * One value of a parameter: absent (undefined), or the one given. Surrounding whitespace is dropped and
 * an empty value means "not given" (a GET form sends `from=` for an empty date); a name given twice is
 * refused, since two readers of the same URL may each take a different one.
 */
function single(input: ParamInput): { value: string | undefined } | "repeated" {
  const values = input === null || input === undefined ? [] : typeof input === "string" ? [input] : input;
  if (values.length > 1) return "repeated";
  const value = values[0]?.trim();
  return { value: value ? value : undefined };
}

function parseCalendar(kind: CalendarKind, field: string, input: ParamInput, now: Date, required: boolean): CalendarParse<string | undefined> {
  const one = single(input);
  if (one === "repeated") return { ok: false, problem: { field, rule: "repeated", kind } };
  const { value } = one;
  if (value === undefined) return required ? { ok: false, problem: { field, rule: "required", kind } } : { ok: true, value: undefined };
  if (!(kind === "month" ? isMonth(value) : isCalendarDay(value))) return { ok: false, problem: { field, rule: "malformed", kind } };
  const bounds = calendarBounds(now);
  const [first, last] = kind === "month" ? [bounds.firstMonth, bounds.lastMonth] : [bounds.firstDay, bounds.lastDay];
  // Both are fixed-width, zero-padded: they order as strings.
  if (value < first || value > last) return { ok: false, problem: { field, rule: "out-of-range", kind, first, last } };
  return { ok: true, value };
}

export function parseMonthParam(field: string, input: ParamInput, now: Date, options: { required: true }): CalendarParse<Month>;
export function parseMonthParam(field: string, input: ParamInput, now: Date, options?: { required?: boolean }): CalendarParse<Month | undefined>;
export function parseMonthParam(field: string, input: ParamInput, now: Date, options: { required?: boolean } = {}): CalendarParse<Month | undefined> {
  return parseCalendar("month", field, input, now, options.required ?? false);
}

export function parseDayParam(field: string, input: ParamInput, now: Date, options: { required: true }): CalendarParse<string>;
export function parseDayParam(field: string, input: ParamInput, now: Date, options?: { required?: boolean }): CalendarParse<string | undefined>;
export function parseDayParam(field: string, input: ParamInput, now: Date, options: { required?: boolean } = {}): CalendarParse<string | undefined> {
  return parseCalendar("day", field, input, now, options.required ?? false);
}

/** An optional `from`–`to` pair of days, both included; `from` after `to` is refused on `from`. */
export function parseDayRange(input: { from: ParamInput; to: ParamInput }, now: Date, fields = { from: "from", to: "to" }): CalendarParse<{ from?: string; to?: string }> {
  const from = parseDayParam(fields.from, input.from, now);
  if (!from.ok) return from;
  const to = parseDayParam(fields.to, input.to, now);
  if (!to.ok) return to;
  if (from.value && to.value && from.value > to.value) return { ok: false, problem: { field: fields.from, rule: "after", kind: "day", other: fields.to } };
  return { ok: true, value: { ...(from.value ? { from: from.value } : {}), ...(to.value ? { to: to.value } : {}) } };
}

/** The problem in English for machine readers (API and CSV answers), starting with the field's name. */
export function problemText(problem: CalendarProblem): string {
  const form = problem.kind === "month" ? "a month YYYY-MM" : "a date YYYY-MM-DD";
  switch (problem.rule) {
    case "required":
      return `${problem.field}: required, ${form}`;
    case "repeated":
      return `${problem.field}: given more than once`;
    case "malformed":
      return `${problem.field}: must be ${form}`;
    case "out-of-range":
      return `${problem.field}: must be from ${problem.first} to ${problem.last}`;
    case "after":
      return `${problem.field}: must not be after ${problem.other}`;
  }
}

/** The Shanghai calendar day of an instant, `YYYY-MM-DD` (the billing calendar, lib/pricing/calendar.ts). */
export function shanghaiDayOf(at: Date): string {
  return shanghaiDay(at);
}
