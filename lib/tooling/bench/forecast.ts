import { DEMO_MONTHS, demoFirstMonth, demoMonthDays, demoMonthEnd, demoRandom, type DemoApi } from "@/lib/tooling/demo/usage";
import { priceUsage } from "@/lib/pricing/price-usage";
import { forecastMonth, type ApiSoFar } from "@/lib/forecast/model";
import { Dec, monthOf, monthStart, monthlyFreeCalls, nextMonth, priceBookForMonth, type Month } from "@/lib/pricing";
import { now as clockNow } from "@/lib/clock";
import type { Bench, BenchFigure } from "./bench";

/**
 * The month-end forecast's accuracy (issue 13): replays the demo company's two years (lib/demo)
 * day by day, forecasts each complete month's postpaid bill at 00:00 after 1, 2, 3, 7, 14 and 21
 * full days, and compares with the month's actual bill: the median error and the share of months
 * whose bill fell inside the range. The same months replayed as an account created mid-month
 * (issue 19) say how often a young account is shown a forecast, and how good it is. Draws as the console does:
 * the month's free calls, then the demo's two bought packs (scan 100k in month 3, body 1m in month
 * 9), then postpaid. The baseline is the naive straight line: calls so far × days in month ÷ days
 * gone, priced the same way.
 */
const DAY = 86_400_000;
/** Full days of the month seen: 1–3 are the month's first days (issue 19), 7–21 its body. */
const CHECKPOINTS = [1, 2, 3, 7, 14, 21] as const;
/** Young accounts (issue 19): created on day index 1 (the 2nd) or 10 (the 11th), scored after 0, 1, 2, 3 and 7 full days. */
const YOUNG_STARTS = [1, 10] as const;
const YOUNG_AGES = [0, 1, 2, 3, 7] as const;
/** The demo's bought packs: month index, API, calls (lib/tooling/demo/seed.ts); they last well under their year. */
const DEMO_PACKS: readonly { index: number; day: number; api: DemoApi; calls: number }[] = [
  { index: 3, day: 2, api: "scan.code-recognition", calls: 100_000 },
  { index: 9, day: 4, api: "body.detection", calls: 1_000_000 },
];

interface MonthReplay {
  month: Month;
  /** Calls per API per Shanghai day index, and each day's split. */
  days: Map<DemoApi, { calls: number; free: number; fromPacks: number }[]>;
  /** Pack calls left per API at the start of each day index. */
  packsAt: Map<DemoApi, number[]>;
  actual: Dec;
}

function replayHistory(now: Date): MonthReplay[] {
  const rand = demoRandom();
  let month = demoFirstMonth(monthOf(now));
  const packs = new Map<DemoApi, number>();
  const out: MonthReplay[] = [];
  for (let index = 0; index <= DEMO_MONTHS; index++) {
    const start = monthStart(month).getTime();
    const length = Math.round((monthStart(nextMonth(month)).getTime() - start) / DAY);
    const book = priceBookForMonth(month);
    const days = new Map<DemoApi, { calls: number; free: number; fromPacks: number }[]>();
    const packsAt = new Map<DemoApi, number[]>();
    const freeLeft = new Map<DemoApi, number>();
    const traffic = demoMonthDays(rand, month, index, demoMonthEnd(month, index, now));
    // A report after midnight Shanghai time belongs to the next day (SPEC §1): sum per Shanghai day.
    const byDay = new Map<number, Partial<Record<DemoApi, number>>>();
    for (const report of traffic) {
      const day = Math.floor((report.when.getTime() - start) / DAY);
      const sums = byDay.get(day) ?? {};
      for (const [api, n] of Object.entries(report.calls) as [DemoApi, number][]) sums[api] = (sums[api] ?? 0) + n;
      byDay.set(day, sums);
    }
    for (let day = 0; day < length; day++) {
      for (const pack of DEMO_PACKS) if (pack.index === index && pack.day === day) packs.set(pack.api, (packs.get(pack.api) ?? 0) + pack.calls);
      const calls = byDay.get(day);
      for (const api of ["processing.quality", "processing.crop", "recognition.product", "scan.code-recognition", "body.detection"] as const) {
        if (!freeLeft.has(api)) freeLeft.set(api, monthlyFreeCalls(book, api));
        const list = days.get(api) ?? [];
        const at = packsAt.get(api) ?? [];
        at.push(packs.get(api) ?? 0);
        const n = calls?.[api] ?? 0;
        const free = Math.min(n, freeLeft.get(api) ?? 0);
        const fromPacks = Math.min(n - free, packs.get(api) ?? 0);
        freeLeft.set(api, (freeLeft.get(api) ?? 0) - free);
        packs.set(api, (packs.get(api) ?? 0) - fromPacks);
        list.push({ calls: n, free, fromPacks });
        days.set(api, list);
        packsAt.set(api, at);
      }
    }
    const totals = [...days.entries()].map(([api, list]) => ({ api, calls: list.reduce((s, d) => s + d.calls, 0), free: list.reduce((s, d) => s + d.free, 0), fromPacks: list.reduce((s, d) => s + d.fromPacks, 0) }));
    out.push({ month, days, packsAt, actual: priceUsage(totals).total });
    if (index < DEMO_MONTHS) month = nextMonth(month);
  }
  // The first month starts on the 2nd (sign-up) and the last is not over: only complete months are scored.
  return out.slice(1, DEMO_MONTHS);
}

/** The forecast's inputs at 00:00 on day `full + 1`: `full` complete days, nothing yet of today. */
function soFar(replay: MonthReplay, full: number): ApiSoFar[] {
  const book = priceBookForMonth(replay.month);
  return [...replay.days.entries()].map(([api, list]) => {
    const seen = list.slice(0, full);
    const free = seen.reduce((s, d) => s + d.free, 0);
    return {
      api,
      days: [...seen.map((d) => d.calls), 0],
      free,
      fromPacks: seen.reduce((s, d) => s + d.fromPacks, 0),
      freeLeft: monthlyFreeCalls(book, api) - free,
      packsLeft: replay.packsAt.get(api)?.[full] ?? 0,
    };
  });
}

/** The naive straight line: the same inputs, every API's calls so far scaled to the whole month. */
function straightLine(replay: MonthReplay, full: number, length: number): Dec {
  const lines = soFar(replay, full).map((api) => {
    const calls = api.days.reduce((a, b) => a + b, 0);
    const extra = Math.round((calls * length) / full) - calls;
    const extraFree = Math.min(extra, api.freeLeft);
    const extraPacks = Math.min(extra - extraFree, api.packsLeft);
    return { api: api.api, calls: calls + extra, free: api.free + extraFree, fromPacks: api.fromPacks + extraPacks };
  });
  return priceUsage(lines).total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const forecastBench: Bench = {
  name: "forecast",
  description: "month-end forecast vs actual bill, demo company's two years replayed day by day (median absolute % error, range coverage), also for accounts younger than a month",
  run() {
    return forecastAccuracy(clockNow());
  },
};

/**
 * The same months as an account created at noon on day index `start` would have had them: nothing
 * before, half the creation day's calls, then the demo's traffic; the month's free calls drawn
 * afresh and no packs.
 */
function youngReplay(replay: MonthReplay, start: number): MonthReplay {
  const book = priceBookForMonth(replay.month);
  const days = new Map<DemoApi, { calls: number; free: number; fromPacks: number }[]>();
  const packsAt = new Map<DemoApi, number[]>();
  for (const [api, list] of replay.days) {
    let freeLeft = monthlyFreeCalls(book, api);
    days.set(
      api,
      list.map((day, index) => {
        const calls = index < start ? 0 : index === start ? Math.floor(day.calls / 2) : day.calls;
        const free = Math.min(calls, freeLeft);
        freeLeft -= free;
        return { calls, free, fromPacks: 0 };
      }),
    );
    packsAt.set(api, list.map(() => 0));
  }
  const totals = [...days.entries()].map(([api, list]) => ({ api, calls: list.reduce((s, d) => s + d.calls, 0), free: list.reduce((s, d) => s + d.free, 0), fromPacks: 0 }));
  return { month: replay.month, days, packsAt, actual: priceUsage(totals).total };
}

interface Score {
  months: number;
  given: number;
  errors: number[];
  naive: number[];
  inRange: number;
}

/** Forecasts each month at 00:00 after `full` days, for an account created at `createdAt(month)` (undefined: long before). */
function score(months: readonly MonthReplay[], full: (replay: MonthReplay) => number, createdAt?: (replay: MonthReplay) => Date): Score {
  const out: Score = { months: 0, given: 0, errors: [], naive: [], inRange: 0 };
  for (const replay of months) {
    if (replay.actual.isZero()) continue;
    out.months += 1;
    const days = full(replay);
    const length = replay.days.values().next().value?.length ?? 30;
    const at = new Date(monthStart(replay.month).getTime() + days * DAY);
    const forecast = forecastMonth({ month: replay.month, now: at, apis: soFar(replay, days), accountCreatedAt: createdAt?.(replay) });
    if (!forecast.enough) continue;
    out.given += 1;
    const error = (value: string | Dec) => new Dec(value).minus(replay.actual).abs().dividedBy(replay.actual).times(100).toNumber();
    out.errors.push(error(forecast.total));
    out.naive.push(error(straightLine(replay, days, length)));
    if (replay.actual.greaterThanOrEqualTo(forecast.totalLow) && replay.actual.lessThanOrEqualTo(forecast.totalHigh)) out.inRange += 1;
  }
  return out;
}

const share = (part: number, whole: number) => (part * 100) / Math.max(whole, 1);

/** The bench's figures for the history that ends at `now` (the demo is seeded relative to now). */
export function forecastAccuracy(now: Date): BenchFigure[] {
  const months = replayHistory(now);
  const figures: BenchFigure[] = [];
  for (const full of CHECKPOINTS) {
    const result = score(months, () => full);
    figures.push(
      { label: `day ${full}: median abs. % error, forecast (${result.errors.length} months)`, value: median(result.errors), unit: "%" },
      { label: `day ${full}: median abs. % error, baseline straight line`, value: median(result.naive), unit: "%" },
      { label: `day ${full}: months whose bill fell inside the forecast range`, value: share(result.inRange, result.given), unit: "%" },
    );
  }
  // Accounts younger than a month (issue 19): created at noon on the 2nd or the 11th, scored 0–7 full days later.
  for (const start of YOUNG_STARTS) {
    const young = months.map((replay) => youngReplay(replay, start));
    const createdAt = (replay: MonthReplay) => new Date(monthStart(replay.month).getTime() + start * DAY + DAY / 2);
    for (const age of YOUNG_AGES) {
      const result = score(young, () => start + 1 + age, createdAt);
      const label = `new account created at noon on day ${start + 1}, ${age} full days later`;
      figures.push({ label: `${label}: months with a forecast shown (${result.months} months)`, value: share(result.given, result.months), unit: "%" });
      if (result.given === 0) continue;
      figures.push(
        { label: `${label}: median abs. % error, forecast`, value: median(result.errors), unit: "%" },
        { label: `${label}: months whose bill fell inside the forecast range`, value: share(result.inRange, result.given), unit: "%" },
      );
    }
  }
  return figures;
}
