import { sql, type SQL } from "drizzle-orm";

/** A column of values sent as ONE array parameter, with the Postgres array type to read it as. */
export interface UnnestColumn {
  values: unknown[];
  /** e.g. `uuid[]`, `int[]`, `bigint[]`, `text[]`; `numeric[]` is read through text (exact, never a float). */
  type: "uuid[]" | "int[]" | "bigint[]" | "text[]" | "numeric[]" | "timestamptz[]" | "jsonb[]";
}

/**
 * `select * from unnest($1::t1[], $2::t2[], …)`: many rows in a constant number of parameters, for
 * the batch writes of the close. Drizzle's multi-row `values()` builds one parameter per cell, which
 * costs more CPU than the database spends on the insert at thousands of rows.
 */
export function unnestRows(columns: UnnestColumn[]): SQL {
  const parts = columns.map((column) => {
    const cast = column.type === "numeric[]" ? sql.raw("::text[]::numeric[]") : column.type === "timestamptz[]" ? sql.raw("::text[]::timestamptz[]") : column.type === "jsonb[]" ? sql.raw("::text[]::jsonb[]") : sql.raw(`::${column.type}`);
    return sql`${sql.param(column.values)}${cast}`;
  });
  return sql`select * from unnest(${sql.join(parts, sql`, `)})`;
}

/** The rows of `db.execute(…)`: postgres-js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
