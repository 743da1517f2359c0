import { priceUsage } from "@/lib/pricing/price-usage";
import { DAY_MS, Dec, formatMoney, monthEnd, monthStart, shanghaiWeekday, sumAmounts, tiersOf, type ApiId, type Month } from "@/lib/pricing";

/**
 * The month-end forecast (issue 13), pure: no clock, no database; `now` is an argument.
 *
 * The model, in the sentence the pages show: each remaining day of the month is expected to get
 * the average calls of the same weekday so far this month (the average of all full days while
 * that weekday has not yet come round; days before the account's first call this month do not
 * count), and the range assumes every remaining day is as quiet as
 * the quietest, or as busy as the busiest, full day so far. Projected calls draw this month's
 * free calls left, then prepaid packs left, then go postpaid (SPEC §2.5), and each API's projected
 * month total picks its tier (SPEC §2.3), so a tier reached later in the month is honoured.
 *
 * Thin data (issue 19): the evidence is the full Shanghai days since the account's first call this
 * month; the day an account was created is never full. With fewer than FORECAST_MIN_FULL_DAYS of
 * them there is no forecast (`enough: false`: pages say so and forecast budget alerts are skipped),
 * and the range is at least ± THIN_DATA_WIDTH / √(full days) of the expected remaining calls, and
 * never zero calls wide while the month has time left.
 */
export const FORECAST_MIN_FULL_DAYS = 1;
/** The forecast's clock step: `now` counts in whole hours (see forecastMonth), so a reload without new calls shows the same figures. */
const HOUR_MS = 3_600_000;
/** The range's least half-width on one full day, as a share of the expected remaining calls; chosen from the bench's coverage (docs/scaling.md). */
export const THIN_DATA_WIDTH = 0.75;

export interface ApiSoFar {
  api: ApiId;
  /** Calls per Shanghai day of the month from the 1st up to and including today (today partial). */
  days: readonly number[];
  free: number;
  fromPacks: number;
  /** Free calls of this month's free pack not yet used, and calls left in usable prepaid packs. */
  freeLeft: number;
  packsLeft: number;
}

export interface ApiForecast {
  api: ApiId;
  callsSoFar: number;
  /** What the month so far costs postpaid (the running estimate). */
  actual: string;
  calls: number;
  callsLow: number;
  callsHigh: number;
  /** Of the forecast calls, how many the free calls and the packs would cover. */
  free: number;
  fromPacks: number;
  tier: number;
  amount: string;
  amountLow: string;
  amountHigh: string;
}

export interface MonthForecast {
  month: Month;
  /**
   * Whether the history is enough for a forecast. When false, the amounts are a guess from too
   * little data: pages show "not enough history yet" instead, and forecast budget alerts are skipped.
   */
  enough: boolean;
  /** Full Shanghai days of evidence so far, and how many a forecast needs. */
  fullDays: number;
  needFullDays: number;
  /** Days of the month begun, today included, and the month's length in days. */
  day: number;
  daysInMonth: number;
  apis: ApiForecast[];
  actualTotal: string;
  total: string;
  totalLow: string;
  totalHigh: string;
}

/** Shanghai weekday (0 = Sunday) of the month's day `index` (0 = the 1st). */
function weekdayOf(month: Month, index: number): number {
  return shanghaiWeekday(new Date(monthStart(month).getTime() + index * DAY_MS));
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The range's least relative half-width after `fullDays` days of evidence: it widens as data gets thinner. */
export function thinDataWidth(fullDays: number): number {
  return THIN_DATA_WIDTH / Math.sqrt(Math.max(fullDays, 1));
}

/** Expected calls for the rest of the month: [expected, low, high]. Call counts, not money: floats are fine, rounded at the end. */
export function projectRemainingCalls(month: Month, days: readonly number[], today: number, daysInMonth: number, dayFraction: number, firstDay = 0): [number, number, number] {
  // Days before the account's first call of the month (a new customer) are no evidence of its rate.
  const from = Math.min(firstDay, today);
  const full = days.slice(from, today);
  const todaySoFar = days[today] ?? 0;
  // Before the first full day, the only evidence is today's pace.
  const fallback = full.length > 0 ? mean(full) : todaySoFar / Math.max(dayFraction, 1 / 24);
  const quiet = full.length > 0 ? Math.min(...full) : fallback;
  const busy = full.length > 0 ? Math.max(...full) : fallback;
  const byWeekday = (index: number): number => {
    const weekday = weekdayOf(month, index);
    const same = full.filter((_, i) => weekdayOf(month, from + i) === weekday);
    return same.length > 0 ? mean(same) : fallback;
  };
  let expected = 0;
  let low = 0;
  let high = 0;
  let remaining = 0;
  for (let index = today; index < daysInMonth; index++) {
    const share = index === today ? 1 - dayFraction : 1;
    expected += byWeekday(index) * share;
    low += quiet * share;
    high += busy * share;
    remaining += share;
  }
  // Today already has some calls: the rest of today is what its expectation has not yet seen.
  const adjust = (value: number) => Math.max(0, Math.round(value));
  if (remaining <= 0) return [0, 0, 0];
  // Few full days say little about the spread: the range is at least ± thinDataWidth of the expectation,
  // and at least one call either side, so it never has zero width while the month has time left.
  const width = thinDataWidth(full.length);
  const point = adjust(expected);
  const lowCalls = Math.min(adjust(Math.min(low, expected * (1 - width))), point - 1);
  const highCalls = Math.max(adjust(Math.max(high, expected * (1 + width))), point + 1);
  return [point, Math.max(0, lowCalls), highCalls];
}

/** Prices one API's month if `extra` more calls come: free left, then packs left, then postpaid. */
function priceProjected(api: ApiSoFar, callsSoFar: number, extra: number) {
  const extraFree = Math.min(extra, Math.max(api.freeLeft, 0));
  const extraPacks = Math.min(extra - extraFree, Math.max(api.packsLeft, 0));
  const priced = priceUsage([{ api: api.api, calls: callsSoFar + extra, free: api.free + extraFree, fromPacks: api.fromPacks + extraPacks }]);
  return { amount: priced.total, tier: priced.lines[0]?.tier ?? 1, free: api.free + extraFree, fromPacks: api.fromPacks + extraPacks };
}

/**
 * The cheapest and dearest the month can cost for any number of extra calls from `low` to `high`.
 * Every billable call is priced at the tier the month's total reaches (SPEC §2.3), so within a tier
 * the amount grows with calls and drops where a cheaper tier starts: besides the two ends, the last
 * call count of each tier inside the range can be dearer than `high`, and the first of the next
 * tier cheaper than `low`.
 */
function amountRange(api: ApiSoFar, callsSoFar: number, low: number, high: number): [Dec, Dec] {
  const candidates = new Set([low, high]);
  for (const tier of tiersOf(api.api)) {
    if (tier.upTo === null) continue;
    const lastOfTier = tier.upperBound === "inclusive" ? tier.upTo : tier.upTo - 1;
    for (const total of [lastOfTier, lastOfTier + 1]) {
      const extra = total - callsSoFar;
      if (extra > low && extra < high) candidates.add(extra);
    }
  }
  const amounts = [...candidates].map((extra) => priceProjected(api, callsSoFar, extra).amount).sort((a, b) => a.comparedTo(b));
  return [amounts[0] ?? new Dec(0), amounts[amounts.length - 1] ?? new Dec(0)];
}

/**
 * The month's forecast at `now`. `accountCreatedAt` (when known) marks the day the account was
 * created as partial: its calls count in the month so far but not as a day's rate, since a burst of
 * test calls in its first hour is not a day's traffic.
 */
export function forecastMonth({ month, now, apis, accountCreatedAt }: { month: Month; now: Date; apis: readonly ApiSoFar[]; accountCreatedAt?: Date }): MonthForecast {
  const firstCall = Math.min(...apis.map((api) => api.days.findIndex((calls) => calls > 0)).filter((index) => index >= 0));
  const start = monthStart(month).getTime();
  const daysInMonth = Math.round((monthEnd(month).getTime() - start) / DAY_MS);
  // Whole hours only: the share of today left to forecast changes on the hour, not on every reload,
  // so the forecast moves when calls arrive or the hour turns (the month starts on an hour boundary).
  const elapsed = Math.min(Math.floor(Math.max(now.getTime() - start, 0) / HOUR_MS) * HOUR_MS, daysInMonth * DAY_MS);
  const today = Math.min(Math.floor(elapsed / DAY_MS), daysInMonth);
  const dayFraction = (elapsed - today * DAY_MS) / DAY_MS;
  // The first full Shanghai day that began at or after the account's creation.
  const firstWholeDay = accountCreatedAt === undefined ? 0 : Math.max(0, Math.ceil((accountCreatedAt.getTime() - start) / DAY_MS));
  const firstDay = Math.max(Number.isFinite(firstCall) ? firstCall : today, firstWholeDay);
  const fullDays = Math.max(0, today - firstDay);
  // After the month is over there is nothing left to forecast: the figures are the month's facts.
  const enough = today >= daysInMonth || fullDays >= FORECAST_MIN_FULL_DAYS;
  const lines = apis.map((api): ApiForecast & { dec: [Dec, Dec, Dec, Dec] } => {
    const callsSoFar = api.days.reduce((a, b) => a + b, 0);
    const [expected, low, high] = today >= daysInMonth ? [0, 0, 0] : projectRemainingCalls(month, api.days, today, daysInMonth, dayFraction, firstDay);
    const soFar = priceProjected(api, callsSoFar, 0);
    const mid = priceProjected(api, callsSoFar, expected);
    // More calls can cost less when they reach a cheaper tier (SPEC §2.3): the range is the least
    // and the most any call count in it costs, which may be at a tier's edge inside it.
    const [aLow, aHigh] = amountRange(api, callsSoFar, low, high);
    return {
      api: api.api,
      callsSoFar,
      actual: formatMoney(soFar.amount),
      calls: callsSoFar + expected,
      callsLow: callsSoFar + low,
      callsHigh: callsSoFar + high,
      free: mid.free,
      fromPacks: mid.fromPacks,
      tier: mid.tier,
      amount: formatMoney(mid.amount),
      amountLow: formatMoney(aLow),
      amountHigh: formatMoney(aHigh),
      dec: [mid.amount, aLow, aHigh, soFar.amount],
    };
  });
  const sum = (i: 0 | 1 | 2 | 3) => formatMoney(lines.length > 0 ? sumAmounts(lines.map((l) => l.dec[i])) : new Dec(0));
  return {
    month,
    enough,
    fullDays,
    needFullDays: FORECAST_MIN_FULL_DAYS,
    day: Math.min(today + 1, daysInMonth),
    daysInMonth,
    apis: lines.map(({ dec: _dec, ...line }) => line),
    actualTotal: sum(3),
    total: sum(0),
    totalLow: sum(1),
    totalHigh: sum(2),
  };
}
