import { and, eq, isNull, sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { supportSessions, users } from "@/db/schema";
import { isTestMode } from "@/lib/clock";

const body = z.object({ email: z.string().email(), minutes: z.number().int().min(1).max(24 * 60) });

/**
 * Test mode only: moves a live support view of the customer `email` back in time by `minutes`, as a
 * test clock would (the server's clock is one per process, shared by parallel tests). Any other server
 * answers 404.
 */
export async function POST(request: Request): Promise<NextResponse> {
  if (!isTestMode()) return NextResponse.json({ error: { code: "not-found" } }, { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: { code: "invalid" } }, { status: 400 });
  const db = await getDb();
  const [user] = await db.select({ accountId: users.accountId }).from(users).where(eq(users.email, parsed.data.email.toLowerCase()));
  if (!user?.accountId) return NextResponse.json({ error: { code: "not-found" } }, { status: 404 });
  const shift = sql.raw(`interval '${parsed.data.minutes} minutes'`);
  const moved = await db
    .update(supportSessions)
    .set({ startedAt: sql`${supportSessions.startedAt} - ${shift}`, expiresAt: sql`${supportSessions.expiresAt} - ${shift}` })
    .where(and(eq(supportSessions.accountId, user.accountId), isNull(supportSessions.endedAt)))
    .returning({ id: supportSessions.id });
  return NextResponse.json({ moved: moved.length });
}
