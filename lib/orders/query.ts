import { parseMonthParam } from "@/lib/params/calendar";
import { paramValues, parsePageParam, type QuerySource } from "@/lib/params/query";
import { orderKinds, orderMethods, orderStatuses } from "./list";

export interface OrderQuery {
  kind?: (typeof orderKinds)[number];
  status?: (typeof orderStatuses)[number];
  method?: (typeof orderMethods)[number];
  month?: string;
  page: number;
}

const one = (values: readonly string[]) => (values.length > 1 ? null : (values[0]?.trim() ?? ""));

/**
 * The order list's query (`kind`, `status`, `method`, `month`, `page`), parsed strictly: a value
 * that is not one of the list's, a repeated name or a month outside the accepted range is refused
 * by name (the page shows every order and says so; the CSV answers 400).
 */
export function parseOrderQuery(source: QuerySource, now: Date, withPage: boolean): { ok: true; value: OrderQuery } | { ok: false; field: string } {
  const value: OrderQuery = { page: 1 };
  const enums = { kind: orderKinds, status: orderStatuses, method: orderMethods } as const;
  for (const [field, allowed] of Object.entries(enums) as [keyof typeof enums, readonly string[]][]) {
    const given = one(paramValues(source, field));
    if (given === null || (given !== "" && !allowed.includes(given))) return { ok: false, field };
    if (given) (value as unknown as Record<string, string>)[field] = given;
  }
  const month = parseMonthParam("month", paramValues(source, "month"), now);
  if (!month.ok) return { ok: false, field: "month" };
  if (month.value) value.month = month.value;
  if (withPage) {
    const page = parsePageParam(paramValues(source, "page"));
    if (page === null) return { ok: false, field: "page" };
    value.page = page;
  }
  return { ok: true, value };
}
