/**
 * Next.js calls this once per server process, and serves no request before it returns. It wires
 * the domain's hooks (lib/hooks: a ledger posting checks the balance alert), opens the database
 * (so the first page view does not pay for opening PGlite and checking migrations: issue 19 item
 * 11, docs/scaling.md "First views"), and starts the minute-by-minute `run-due` loop
 * (free packs, the monthly close, suspensions, message deliveries): RUN_DUE_INTERVAL_MS sets the
 * period, 0 turns it off. Off by default in test mode, where tests drive time themselves.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { wireDomainHooks } = await import("./lib/hooks");
  wireDomainHooks();
  const { openDbAtStart } = await import("./db");
  await openDbAtStart();
  // Issue 22: a bad CLOSE_GRACE or ADJUSTMENT_APPROVAL_THRESHOLD stops the server here, not at the first close or note.
  (await import("./lib/billing/close-grace")).closeGraceMs();
  (await import("./lib/support/adjustment-threshold")).approvalThreshold();
  const configured = process.env.RUN_DUE_INTERVAL_MS;
  const intervalMs = configured !== undefined ? Number.parseInt(configured, 10) : process.env.APP_TEST_MODE === "1" ? 0 : 60_000;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) return;
  const { startRunDueLoop } = await import("./lib/billing/scheduler");
  startRunDueLoop(intervalMs);
}
