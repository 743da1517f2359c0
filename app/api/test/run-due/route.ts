import { and, desc, eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { z } from "zod";
import { licences, qpsGrants } from "@/db/schema";
import { parseInstant } from "@/lib/clock";
import { renewDueQps } from "@/lib/purchases/auto-renew";
import { renewDueLicences } from "@/lib/purchases/licence-auto-renew";
import { sendRenewalReminders } from "@/lib/quota/reminders";
import { accountIdByEmail, testNotFound, testOnlyPost } from "@/lib/tooling/testing/test-route";

const body = z
  .object({
    email: z.string().email(),
    /** The instant run-due runs at, or: */
    at: z.string().optional(),
    /** minutes before the end of the account's latest QPS grant or licence with auto-renew on. */
    beforeEndOf: z.enum(["qps", "licence"]).optional(),
    minutes: z.number().int().min(-1440).max(400 * 1440).optional(),
  })
  .refine((b) => (b.at === undefined) !== (b.beforeEndOf === undefined), "give at or beforeEndOf");

/**
 * Test mode only. The e2e server runs no minute-by-minute run-due (tests drive time themselves), and
 * its clock is shared by every parallel test. This route runs run-due's renewal steps (issue 22: QPS
 * and licence auto-renewals, then the renewal reminders) for the ONE account of `email`, at an
 * instant of the test's choosing, without moving the server's clock: `at`, or `minutes` before the
 * end of the account's latest QPS grant or licence with auto-renew on. Nothing else of run-due runs
 * (no close, no suspension), and no other account is touched.
 */
export const POST = testOnlyPost(body, async (input, db) => {
  const accountId = await accountIdByEmail(db, input.email);
  if (!accountId) return testNotFound();
  let at = input.at ? parseInstant(input.at) : null;
  if (input.beforeEndOf === "qps") {
    const [grant] = await db.select({ endsAt: qpsGrants.endsAt }).from(qpsGrants).where(and(eq(qpsGrants.accountId, accountId), eq(qpsGrants.autoRenew, true))).orderBy(desc(qpsGrants.endsAt)).limit(1);
    at = grant ? new Date(grant.endsAt.getTime() - (input.minutes ?? 30) * 60_000) : null;
  } else if (input.beforeEndOf === "licence") {
    const [licence] = await db.select({ endsAt: licences.endsAt }).from(licences).where(and(eq(licences.accountId, accountId), eq(licences.autoRenew, true))).orderBy(desc(licences.endsAt)).limit(1);
    at = licence?.endsAt ? new Date(licence.endsAt.getTime() - (input.minutes ?? 30) * 60_000) : null;
  }
  if (!at) return NextResponse.json({ error: { code: "no-instant" } }, { status: 409 });
  const ctx = { db, actor: { type: "system" as const, reason: "e2e run-due" }, now: at };
  const qps = await renewDueQps({ ctx, accountId });
  const licenceRenewals = await renewDueLicences({ ctx, accountId });
  const reminders = await sendRenewalReminders({ ctx, accountId });
  return { at: at.toISOString(), qps, licences: licenceRenewals, reminders };
});
