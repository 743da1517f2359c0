import { and, eq, gt } from "drizzle-orm";
import { NextResponse } from "next/server";
import { z } from "zod";
import { accounts, serviceActivations } from "@/db/schema";
import { suspendOverdue } from "@/lib/billing/arrears";
import { ARREARS_GRACE_MS, closeMonth } from "@/lib/billing/close";
import { now } from "@/lib/clock";
import { reportUsage } from "@/lib/metering/report-usage";
import { parseUsageRequest } from "@/lib/metering/usage-request";
import { isMonth, monthEnd, monthStart } from "@/lib/pricing";
import { accountIdByEmail, testNotFound, testOnlyPost } from "@/lib/tooling/testing/test-route";

const body = z.object({
  email: z.string().email(),
  month: z.string().refine(isMonth, "month must be YYYY-MM"),
  usage: z.record(z.string(), z.number().int().min(1).max(1_000_000)),
  /** Also run the suspension due 24 hours after the close (SPEC §6), as run-due would then. */
  suspend: z.boolean().optional(),
});

/**
 * Test mode only. Browser tests need a closed month with usage to see bills and arrears, and an account
 * made by the test a minute ago has neither. This route, for the account of `email`:
 *  1. dates the account and its activations back to the start of `month` (the close bills only accounts that existed
 *     during the month, lib/billing/close.ts);
 *  2. reports `usage` (calls per API) through the metering service as the gateway would, at noon
 *     on the 10th of that month (the account must have the products active);
 *  3. runs the real monthly close for `month` at the server's now;
 *  4. with `suspend`, runs the suspension of overdue arrears as run-due would 24 hours later.
 * The close bills every account of the database that existed then: on the e2e server only accounts
 * this route dated back, so tests that use it should each use a month of their own; the suspension
 * likewise suspends every account then overdue, so such tests run one after another.
 */
export const POST = testOnlyPost(body, async ({ email, month, usage, suspend }, db) => {
  const at = now();
  if (monthEnd(month) > at) return NextResponse.json({ error: { code: "month-not-ended" } }, { status: 409 });
  const accountId = await accountIdByEmail(db, email);
  if (!accountId) return testNotFound();
  await db.update(accounts).set({ createdAt: monthStart(month) }).where(and(eq(accounts.id, accountId), gt(accounts.createdAt, monthStart(month))));
  // Events dated before a product's activation are refused (SPEC §2): the activations go back too.
  await db.update(serviceActivations).set({ activatedAt: monthStart(month) }).where(and(eq(serviceActivations.accountId, accountId), gt(serviceActivations.activatedAt, monthStart(month))));

  const calledAt = new Date(monthStart(month).getTime() + 9 * 86_400_000 + 12 * 3_600_000);
  const events = Object.entries(usage).map(([api, calls]) => ({ id: `e2e-close-${month}-${api}`, api, calls, at: calledAt.toISOString() }));
  const results = await reportUsage({
    ctx: { db, actor: { type: "api-key", keyId: "00000000-0000-0000-0000-0000000000e2", accountId }, now: new Date(calledAt.getTime() + 60_000) },
    input: { events: parseUsageRequest({ events }) },
  });
  const close = await closeMonth({ ctx: { db, actor: { type: "system", reason: "e2e close" }, now: at }, input: { month } });
  const suspended = suspend ? await suspendOverdue({ ctx: { db, actor: { type: "system", reason: "e2e suspend" }, now: new Date(at.getTime() + ARREARS_GRACE_MS) } }) : null;
  return { results, close, suspended };
});
