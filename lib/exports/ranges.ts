import { z } from "zod";

/** A Shanghai calendar day `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00+08:00`);
  return !Number.isNaN(at.getTime()) && new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) === value;
}

/** 00:00 Shanghai on a day (SPEC §1), and the first instant after it. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export function dayAfter(day: string): Date {
  return new Date(dayStart(day).getTime() + 86_400_000);
}

const day = (field: string) => z.string().refine(isDay, { error: `${field} must be a date YYYY-MM-DD` });
const pageNumber = z.coerce.number({ error: "page must be a whole number from 1" }).int({ error: "page must be a whole number from 1" }).min(1, { error: "page must be a whole number from 1" });

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

export const transactionQuery = z
  .object({ from: day("from").optional(), to: day("to").optional() })
  .extend(pagingSchema(100, 1000).shape)
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "from must not be after to", path: ["from"] });
export type TransactionQuery = z.infer<typeof transactionQuery>;

/** Turns URL search parameters into an object, dropping empty ones (so `?from=` means no bound). */
export function searchObject(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value !== null && value.trim() !== "") out[key] = value.trim();
  }
  return out;
}
