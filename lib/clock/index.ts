/**
 * The one source of "now" for the server, the ops command and the tests.
 *
 * Production reads the system clock. Tests and `ops … --now ISO` fix the time in-process with
 * `setFixedNow`. A server may be given a fixed time through `APP_FIXED_NOW` only when it was
 * started in test mode (`APP_TEST_MODE=1`), never otherwise: the guard lives here, once.
 */
let fixed: Date | null = null;

export function isTestMode(): boolean {
  return process.env.APP_TEST_MODE === "1";
}

function fixedFromEnvironment(): Date | null {
  const raw = process.env.APP_FIXED_NOW;
  if (!raw || !isTestMode()) return null;
  const at = new Date(raw);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function now(): Date {
  const at = fixed ?? fixedFromEnvironment();
  return at ? new Date(at.getTime()) : new Date();
}

/** Fixes the time for this process (tests, `--now`). `null` returns to the real clock. */
export function setFixedNow(at: Date | null): void {
  fixed = at ? new Date(at.getTime()) : null;
}

export function parseInstant(value: string): Date | null {
  // An ISO instant with a date, a time and an offset or Z; anything else is refused rather than guessed.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * Test mode only: the cookie a browser test sets so that ITS pages stand at another instant (a
 * month's close grace, say) while the server's clock, shared by every parallel test, does not move.
 */
export const TEST_NOW_COOKIE = "app-test-now";

/**
 * "Now" for one customer request: the test cookie's instant when the server runs in test mode
 * (`APP_TEST_MODE=1`) and the cookie holds an ISO instant; otherwise `now()`. A production server
 * never reads the cookie: the guard lives here, with `APP_FIXED_NOW`'s.
 */
export function requestNow(testCookie: string | undefined): Date {
  if (testCookie && isTestMode()) {
    const at = parseInstant(testCookie);
    if (at) return at;
  }
  return now();
}
