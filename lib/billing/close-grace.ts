import { monthEnd, type Month } from "@/lib/pricing";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Issue 22 part 1: late events of the previous month are accepted for two hours after midnight by default. */
export const CLOSE_GRACE_DEFAULT_MS = 2 * HOUR_MS;
/**
 * The seeds settle "on the 1st to 3rd" (每月1-3日): the close must start by the 3rd 00:00 Beijing
 * time, 48 hours after the month's end (monthEnd is the 1st 00:00 Beijing time).
 */
export const CLOSE_GRACE_MAX_MS = 48 * HOUR_MS;

/**
 * CLOSE_GRACE, parsed strictly: unset or empty → 2 hours; `0`, a whole number of minutes (`90m`) or
 * hours (`2h`), or both (`1h30m`), at most 48h. Anything else (`2`, `2.5h`, `-1h`, `3d`, `49h`) is
 * refused with an error naming the variable: a typo must stop the server, not silently close at
 * midnight or never.
 */
export function parseCloseGrace(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return CLOSE_GRACE_DEFAULT_MS;
  const text = raw.trim();
  const match = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?$/.exec(text);
  const ms = text === "0" ? 0 : match && (match[1] !== undefined || match[2] !== undefined) ? Number(match[1] ?? 0) * HOUR_MS + Number(match[2] ?? 0) * MINUTE_MS : null;
  if (ms === null) throw new Error(`CLOSE_GRACE: expected 0, minutes (90m), hours (2h) or both (1h30m); got "${raw}"`);
  if (ms > CLOSE_GRACE_MAX_MS) throw new Error(`CLOSE_GRACE: at most 48h (the close starts by the 3rd, 00:00 Beijing time); got "${raw}"`);
  return ms;
}

/** The configured grace (process.env.CLOSE_GRACE); throws on a bad value (see parseCloseGrace). */
export function closeGraceMs(env: Record<string, string | undefined> = process.env): number {
  return parseCloseGrace(env.CLOSE_GRACE);
}

/** When the scheduled close of `month` starts: the month's end plus the grace, never after the 3rd 00:00 Beijing time. */
export function closeDueAt(month: Month, graceMs: number): Date {
  return new Date(monthEnd(month).getTime() + Math.min(Math.max(graceMs, 0), CLOSE_GRACE_MAX_MS));
}
