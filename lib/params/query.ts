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
