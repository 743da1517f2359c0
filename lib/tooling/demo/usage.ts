import { monthStart, nextMonth, previousMonth, type Month } from "@/lib/pricing";

/**
 * The demo company's traffic (lib/tooling/demo/seed.ts), pure and deterministic, so the seed and the
 * forecast's accuracy bench (lib/tooling/bench/forecast.ts) replay exactly the same two years.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
export const DEMO_MONTHS = 24;
export const DEMO_SEED = 20_261_122;

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same demo history. */
export function demoRandom(seed = DEMO_SEED): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Daily calls per API at the start of the history; each grows month by month (a business that is growing). */
export const DAILY_BASE = {
  "processing.quality": 38_000,
  "processing.crop": 16_000,
  "recognition.product": 2_600,
  "scan.code-recognition": 1_400,
  "body.detection": 4_200,
} as const;

export type DemoApi = keyof typeof DAILY_BASE;

export interface DemoDay {
  when: Date;
  calls: Record<DemoApi, number>;
}

/** The first month of the history: DEMO_MONTHS before the month of `now`. */
export function demoFirstMonth(current: Month): Month {
  let month = current;
  for (let i = 0; i < DEMO_MONTHS; i++) month = previousMonth(month);
  return month;
}

/**
 * One month of the demo's traffic: one report a day at a random time between 10:00 and 18:00
 * (UTC), weekends at 55%, ±20% noise, growing 3.5% a month. `rand` carries on from month to month.
 */
export function demoMonthDays(rand: () => number, month: Month, index: number, end: Date): DemoDay[] {
  const first = monthStart(month);
  const growth = 1 + index * 0.035;
  const days: DemoDay[] = [];
  for (let day = first.getTime() + 10 * HOUR; day < end.getTime(); day += DAY) {
    const when = new Date(day + Math.floor(rand() * 8 * HOUR));
    if (when >= end) break;
    const weekday = new Date(when.getTime() + 8 * HOUR).getUTCDay();
    const weekFactor = weekday === 0 || weekday === 6 ? 0.55 : 1;
    const calls = {} as Record<DemoApi, number>;
    for (const [api, base] of Object.entries(DAILY_BASE) as [DemoApi, number][]) {
      calls[api] = Math.max(1, Math.min(1_000_000, Math.round(base * growth * weekFactor * (0.8 + rand() * 0.4))));
    }
    days.push({ when, calls });
  }
  return days;
}

/** Where month `index` of the history ends: the next month's start, or `now` for the current one. */
export function demoMonthEnd(month: Month, index: number, now: Date): Date {
  return index === DEMO_MONTHS ? now : monthStart(nextMonth(month));
}
