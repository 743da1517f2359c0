import "server-only";
import { eq } from "drizzle-orm";
import { monthCloses } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { FIRST_PRICED_MONTH, monthOf, previousMonth, type Month } from "@/lib/pricing";
import { closeDueAt, closeGraceMs } from "./close-grace";

/**
 * Issue 22 part 1: whether last month is "closing" at `ctx.now`: it has ended, its close has not
 * started, so the gateway's late events for it are still counted. `until` is when the scheduled close
 * starts (the end of CLOSE_GRACE); the month-to-date pages say so. Null once the grace is over or the
 * close has started (an operator's `close-month` may start it early).
 */
export async function monthClosing({ ctx, graceMs = closeGraceMs() }: { ctx: ServiceContext; graceMs?: number }): Promise<{ month: Month; until: Date } | null> {
  const month = previousMonth(monthOf(ctx.now));
  const until = closeDueAt(month, graceMs);
  // After the grace the close is due at the next run-due (within a minute): the window is over.
  if (month < FIRST_PRICED_MONTH || ctx.now >= until) return null;
  const [started] = await ctx.db.select({ month: monthCloses.month }).from(monthCloses).where(eq(monthCloses.month, month));
  return started ? null : { month, until };
}
