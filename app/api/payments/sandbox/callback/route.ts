import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { ConflictError, NotFoundError } from "@/lib/context";
import { paymentProvider } from "@/lib/wallet/providers";
import { confirmTopUp } from "@/lib/wallet/top-up";

/**
 * The sandbox provider's payment notice (SPEC §3). Authentic only with a valid HMAC signature over
 * the raw body; credits cash once however often it is delivered (idempotent on the provider order).
 */
export async function POST(request: Request): Promise<NextResponse> {
  const provider = paymentProvider("sandbox");
  if (!provider) return NextResponse.json({ error: { code: "unknown-provider" } }, { status: 404 });
  const raw = await request.text();
  const notice = provider.verifyCallback?.(raw, request.headers) ?? null;
  if (!notice) return NextResponse.json({ error: { code: "bad-signature" } }, { status: 401 });
  try {
    const result = await confirmTopUp({ ctx: { db: await getDb(), actor: { type: "system", reason: `payment:${provider.id}` }, now: now() }, providerId: provider.id, notice });
    return NextResponse.json({ ok: true, credited: result.credited });
  } catch (error) {
    if (error instanceof NotFoundError) return NextResponse.json({ error: { code: error.code } }, { status: 404 });
    if (error instanceof ConflictError) return NextResponse.json({ error: { code: error.code } }, { status: 409 });
    throw error;
  }
}
