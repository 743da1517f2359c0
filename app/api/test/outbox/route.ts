import { desc, eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { outbox } from "@/db/schema";
import { isTestMode } from "@/lib/clock";

/**
 * Test mode only (the e2e server, APP_TEST_MODE=1): the emails queued for an address, newest first,
 * so browser tests can follow a password-reset link. Any other server answers 404.
 */
export async function GET(request: Request): Promise<NextResponse> {
  if (!isTestMode()) return NextResponse.json({ error: { code: "not-found" } }, { status: 404 });
  const email = z.email().safeParse(new URL(request.url).searchParams.get("email"));
  if (!email.success) return NextResponse.json({ error: { code: "invalid" } }, { status: 400 });
  const db = await getDb();
  const rows = await db
    .select({ subject: outbox.subject, body: outbox.body })
    .from(outbox)
    .where(eq(outbox.target, email.data.toLowerCase()))
    .orderBy(desc(outbox.id))
    .limit(10);
  return NextResponse.json({ emails: rows });
}
