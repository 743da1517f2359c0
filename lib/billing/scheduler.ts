import "server-only";
import postgres from "postgres";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { closeGraceMs } from "./close-grace";
import { runDue } from "./run-due";

/** A fixed advisory-lock key for run-due: any 64-bit number no other lock uses. */
const RUN_DUE_LOCK = 72_410_931_066;

/**
 * Runs `run-due` every `intervalMs` inside the server. On PostgreSQL a session-level advisory lock,
 * tried (never waited for) on a connection of its own, makes sure that of several server instances
 * only one runs it at a time; the others skip that tick. On PGlite there is only one process.
 */
export function startRunDueLoop(intervalMs: number, onRun?: (run: { startedMs: number; endedMs: number }) => void, firstDelayMs = 5_000): () => void {
  // Read once, at the start: a bad CLOSE_GRACE stops the process here rather than failing every tick.
  const graceMs = closeGraceMs();
  const url = process.env.DATABASE_URL;
  const lockClient = url ? postgres(url, { max: 1, onnotice: () => {} }) : null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (lockClient) {
        const [row] = await lockClient`select pg_try_advisory_lock(${RUN_DUE_LOCK}) as locked`;
        if (!row?.locked) return;
      }
      const startedMs = Date.now();
      try {
        const report = await runDue({ ctx: { db: await getDb(), actor: { type: "system", reason: "run-due" }, now: now() }, graceMs });
        if (report.close || report.suspended > 0 || report.freePacks.issued > 0) console.log("[run-due]", JSON.stringify(report));
      } finally {
        // Reported before the unlock: what another instance runs after it cannot overlap this run.
        onRun?.({ startedMs, endedMs: Date.now() });
        if (lockClient) await lockClient`select pg_advisory_unlock(${RUN_DUE_LOCK})`;
      }
    } catch (error) {
      console.error("[run-due] failed; will retry at the next tick", error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), firstDelayMs);
  const timer = setInterval(() => void tick(), intervalMs);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
    void lockClient?.end();
  };
}
