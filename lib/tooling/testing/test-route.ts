import { eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { users } from "@/db/schema";
import { isTestMode } from "@/lib/clock";

/** What a test route answers for an unknown customer, and what every route answers outside test mode. */
export function testNotFound(): NextResponse {
  return NextResponse.json({ error: { code: "not-found" } }, { status: 404 });
}

/** The account of the customer signed up with `email`, or null. */
export async function accountIdByEmail(db: Database, email: string): Promise<string | null> {
  const [user] = await db.select({ accountId: users.accountId }).from(users).where(eq(users.email, email.toLowerCase()));
  return user?.accountId ?? null;
}

/**
 * A POST route under app/api/test/ for the browser tests: it exists only in test mode (the e2e server,
 * APP_TEST_MODE=1) — any other server answers 404, as if it did not exist — and takes a JSON body
 * parsed by `body`. `handle` answers an object (sent as JSON) or a response of its own.
 */
export function testOnlyPost<Schema extends z.ZodType>(body: Schema, handle: (input: z.infer<Schema>, db: Database) => Promise<NextResponse | object>): (request: Request) => Promise<NextResponse> {
  return async (request) => {
    if (!isTestMode()) return testNotFound();
    const parsed = body.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return NextResponse.json({ error: { code: "invalid", message: parsed.error.message } }, { status: 400 });
    const answer = await handle(parsed.data, await getDb());
    return answer instanceof NextResponse ? answer : NextResponse.json(answer);
  };
}
