import { z } from "zod";
import { DAY_MS, shanghaiDayStart } from "@/lib/pricing/calendar";
import { parseDayRange, problemText, type CalendarProblem } from "@/lib/params/calendar";
import { firstValues, paramValues, type QuerySource } from "@/lib/params/query";

/** 00:00 Shanghai on a day (SPEC §1), and the first instant after it. Days come from lib/params/calendar. */
export function dayStart(day: string): Date {
  return shanghaiDayStart(day);
}

export function dayAfter(day: string): Date {
  return new Date(shanghaiDayStart(day).getTime() + DAY_MS);
}

/** Beyond any real account's history; keeps `(page - 1) × pageSize` a small integer for the database's OFFSET. */
export const MAX_PAGE = 1_000_000;
const pageNumber = z.coerce
  .number({ error: `page must be a whole number from 1 to ${MAX_PAGE}` })
  .int({ error: `page must be a whole number from 1 to ${MAX_PAGE}` })
  .min(1, { error: `page must be a whole number from 1 to ${MAX_PAGE}` })
  .max(MAX_PAGE, { error: `page must be a whole number from 1 to ${MAX_PAGE}` });

/** Paging for finance exports: `page` from 1, `pageSize` up to `max`. */
export function pagingSchema(defaultSize: number, max: number) {
  return z.object({
    page: pageNumber.default(1),
    pageSize: z.coerce
      .number({ error: `pageSize must be a whole number from 1 to ${max}` })
      .int({ error: `pageSize must be a whole number from 1 to ${max}` })
      .min(1, { error: `pageSize must be a whole number from 1 to ${max}` })
      .max(max, { error: `pageSize must be a whole number from 1 to ${max}` })
      .default(defaultSize),
  });
}

export interface TransactionQuery {
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** A refused query: the field, an English message starting with it (API and CSV), and the calendar problem when it is a date (pages say it in the reader's language). */
export type QueryParse<T> = { ok: true; value: T } | { ok: false; field: string; message: string; calendar?: CalendarProblem };

/** The first problem of a zod parse as `field: message`, for a 400 that names the field. */
export function zodProblem(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { field: string; message: string } {
  const issue = issues[0];
  const field = issue?.path.map(String).join(".") ?? "";
  if (!issue) return { field, message: "invalid query" };
  return { field, message: field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message };
}

/**
 * `from`/`to` (Shanghai days, both optional, lib/params/calendar's range) and the paging keys the
 * caller reads (`page`, `pageSize`), for the balance page, its CSV and GET /api/v1/transactions.
 */
export function parseTransactionQuery(source: QuerySource, now: Date, pagingKeys: readonly ("page" | "pageSize")[] = ["page", "pageSize"]): QueryParse<TransactionQuery> {
  const range = parseDayRange({ from: paramValues(source, "from"), to: paramValues(source, "to") }, now);
  if (!range.ok) return { ok: false, field: range.problem.field, message: problemText(range.problem), calendar: range.problem };
  const paging = pagingSchema(100, 1000).safeParse(firstValues(source, pagingKeys));
  if (!paging.success) return { ok: false, ...zodProblem(paging.error.issues) };
  return { ok: true, value: { ...range.value, ...paging.data } };
}
