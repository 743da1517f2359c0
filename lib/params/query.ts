/** Where a request's named values come from: a URL's query, or Next's `searchParams` object for a page. */
export type QuerySource = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Every value given for `key`, in order (a name may be repeated in a URL). */
export function paramValues(source: QuerySource, key: string): readonly string[] {
  if (source instanceof URLSearchParams) return source.getAll(key);
  const value = source[key];
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

/** The first value of each key, trimmed, leaving out empty ones (`?page=` means the default). */
export function firstValues(source: QuerySource, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = paramValues(source, key)[0]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** The highest page number a list takes in its URL. */
export const MAX_PAGE = 100_000;

/**
 * A list's page number from its URL (`?page=N`, `?audit=N`): absent or empty is page 1; digits from
 * 1 to MAX_PAGE are that page; anything else — a sign, a decimal, `1e3`, a repeated name — is null
 * (no such page: a 404 on a page, a 400 where the route names the field).
 */
export function parsePageParam(values: readonly string[]): number | null {
  if (values.length > 1) return null;
  const value = values[0]?.trim() ?? "";
  if (value === "") return 1;
  if (!/^\d{1,6}$/.test(value)) return null;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : null;
}
