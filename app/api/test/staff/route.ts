import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { isTestMode, now } from "@/lib/clock";
import { createStaff } from "@/lib/identity/staff";

const body = z.object({ email: z.string().email(), role: z.enum(["support", "admin"]), name: z.string().min(1).max(100) });

/**
 * Test mode only: a staff user of its own per browser test (a staff member holds one support view at
 * a time, so parallel tests must not share one). Any other server answers 404.
 */
export async function POST(request: Request): Promise<NextResponse> {
  if (!isTestMode()) return NextResponse.json({ error: { code: "not-found" } }, { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: { code: "invalid" } }, { status: 400 });
  const created = await createStaff({ ctx: { db: await getDb(), actor: { type: "system", reason: "e2e" }, now: now() }, input: parsed.data });
  return NextResponse.json({ email: created.email, password: created.oneTimePassword });
}
