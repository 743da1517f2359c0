/**
 * The end of a QPS period bought now (SPEC §2.6): `n` months later at the same Shanghai wall-clock
 * time (the day clamped to the month's length, so 31 Jan + 1 month = 28/29 Feb), or `n` × 24 hours.
 */
const SHANGHAI_MS = 8 * 60 * 60 * 1000;

export function addShanghaiMonths(at: Date, months: number): Date {
  const wall = new Date(at.getTime() + SHANGHAI_MS);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(wall.getUTCDate(), lastDay);
  const shifted = Date.UTC(year, month, day, wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds());
  return new Date(shifted - SHANGHAI_MS);
}

export function periodEnd(start: Date, period: "month" | "day", periods: number): Date {
  return period === "month" ? addShanghaiMonths(start, periods) : new Date(start.getTime() + periods * 24 * 60 * 60 * 1000);
}
