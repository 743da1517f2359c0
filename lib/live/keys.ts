/**
 * The console's live queries (issue 11): one key and one JSON route each. The server prefetches
 * them into a per-request QueryClient and the browser keeps them fresh with refetchInterval, which
 * TanStack Query pauses while the tab is hidden.
 */
export const liveKeys = {
  unread: ["console", "unread"] as const,
  usage: (month: string) => ["console", "usage", month] as const,
  packs: ["console", "packs"] as const,
};

export const LIVE_INTERVALS = {
  unread: 10_000,
  usage: 5_000,
  packs: 10_000,
} as const;

/** Each of the account's packs: calls left of its size (what the packs page's bars show). */
export interface PacksRemainingJson {
  packs: { id: string; remaining: number; size: number }[];
}

export interface UnreadJson {
  unread: number;
}

export interface UsageTotalsJson {
  month: string;
  calls: number;
  free: number;
  fromPacks: number;
  billable: number;
  /** Money as a string with two decimals (never a float). */
  estimatedTotal: string;
}

/** GET a console JSON route; a failed answer is an error whose message carries the status (the retry rule reads it). */
export async function fetchLive<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}
