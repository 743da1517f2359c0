import { addShanghaiMonths, DAY_MS } from "@/lib/pricing";

/**
 * The end of a QPS period bought now (SPEC §2.6): `n` months later at the same Shanghai wall-clock
 * time (the day clamped to the month's length, so 31 Jan + 1 month = 28/29 Feb), or `n` × 24 hours.
 */
export function periodEnd(start: Date, period: "month" | "day", periods: number): Date {
  return period === "month" ? addShanghaiMonths(start, periods) : new Date(start.getTime() + periods * DAY_MS);
}
