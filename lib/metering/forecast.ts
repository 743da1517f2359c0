/**
 * Run-out forecasts for prepaid packs (issue 5: "each pack shows a run-out forecast at the last 7
 * days' rate"). Pure: no clock, no database; the caller passes `now` and the calls drawn from packs.
 */

export const FORECAST_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

export type RunOutForecast =
  /** Nothing left to run out. */
  | { kind: "empty" }
  /** No calls were drawn from packs of this API in the window: it would never run out at this rate. */
  | { kind: "not-at-current-rate" }
  /** At this rate the pack outlives its validity: what is left expires unused (SPEC §2.4). */
  | { kind: "expires-first"; expiresAt: Date }
  | { kind: "runs-out"; at: Date; days: number };

export interface ForecastInput {
  remaining: number;
  /** Calls of the pack's API drawn from packs over the window (usage_hourly.from_packs). */
  drawnInWindow: number;
  now: Date;
  expiresAt: Date;
  /**
   * Calls left in packs of the same API that are drawn before this one (earlier expiry, SPEC §2.5):
   * the rate drains those first, so this pack starts draining only after them.
   */
  drawnFirst?: number;
  windowDays?: number;
}

export function forecastRunOut({ remaining, drawnInWindow, now, expiresAt, drawnFirst = 0, windowDays = FORECAST_WINDOW_DAYS }: ForecastInput): RunOutForecast {
  if (remaining <= 0) return { kind: "empty" };
  if (drawnInWindow <= 0) return { kind: "not-at-current-rate" };
  // Times, not money: a float ratio of call counts is fine here.
  const msLeft = ((drawnFirst + remaining) / drawnInWindow) * windowDays * DAY_MS;
  const at = new Date(now.getTime() + Math.ceil(msLeft));
  if (at.getTime() >= expiresAt.getTime()) return { kind: "expires-first", expiresAt };
  return { kind: "runs-out", at, days: Math.ceil(msLeft / DAY_MS) };
}

export interface ForecastPack {
  id: string;
  api: string;
  remaining: number;
  expiresAt: Date;
  deliveredAt: Date;
}

/**
 * A forecast for each usable prepaid pack, taking the packs of one API in their drawing order
 * (earliest expiry first, ties the older delivery; SPEC §2.5) so each waits for the ones before it.
 */
export function forecastPacks(packs: readonly ForecastPack[], drawsByApi: ReadonlyMap<string, number>, now: Date): Map<string, RunOutForecast> {
  const ordered = [...packs].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.deliveredAt.getTime() - b.deliveredAt.getTime());
  const ahead = new Map<string, number>();
  const forecasts = new Map<string, RunOutForecast>();
  for (const pack of ordered) {
    const drawnFirst = ahead.get(pack.api) ?? 0;
    forecasts.set(pack.id, forecastRunOut({ remaining: pack.remaining, drawnInWindow: drawsByApi.get(pack.api) ?? 0, now, expiresAt: pack.expiresAt, drawnFirst }));
    ahead.set(pack.api, drawnFirst + Math.max(pack.remaining, 0));
  }
  return forecasts;
}
