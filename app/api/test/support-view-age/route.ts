import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { supportSessions } from "@/db/schema";
import { accountIdByEmail, testNotFound, testOnlyPost } from "@/lib/tooling/testing/test-route";

const body = z.object({ email: z.string().email(), minutes: z.number().int().min(1).max(24 * 60) });

/**
 * Test mode only: moves a live support view of the customer `email` back in time by `minutes`, as a
 * test clock would (the server's clock is one per process, shared by parallel tests).
 */
export const POST = testOnlyPost(body, async (input, db) => {
  const accountId = await accountIdByEmail(db, input.email);
  if (!accountId) return testNotFound();
  const shift = sql.raw(`interval '${input.minutes} minutes'`);
  const moved = await db
    .update(supportSessions)
    .set({ startedAt: sql`${supportSessions.startedAt} - ${shift}`, expiresAt: sql`${supportSessions.expiresAt} - ${shift}` })
    .where(and(eq(supportSessions.accountId, accountId), isNull(supportSessions.endedAt)))
    .returning({ id: supportSessions.id });
  return { moved: moved.length };
});
