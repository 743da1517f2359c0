import { eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { isTestMode, now } from "@/lib/clock";
import { PRODUCT_IDS } from "@/lib/pricing";
import { grantVoucher } from "@/lib/wallet/credit";
import { amountSchema } from "@/lib/wallet/schemas";

const body = z.object({ email: z.string().email(), amount: amountSchema, products: z.array(z.enum(PRODUCT_IDS)).min(1), days: z.number().int().min(1).max(365) });

/**
 * Test mode only (the e2e server, APP_TEST_MODE=1): grants a voucher the way `ops grant-voucher`
 * does, so browser tests can pay with one. Any other server answers 404, as if it did not exist.
 */
export async function POST(request: Request): Promise<NextResponse> {
  if (!isTestMode()) return NextResponse.json({ error: { code: "not-found" } }, { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: { code: "invalid" } }, { status: 400 });
  const db = await getDb();
  const [user] = await db.select({ accountId: users.accountId }).from(users).where(eq(users.email, parsed.data.email.toLowerCase()));
  if (!user?.accountId) return NextResponse.json({ error: { code: "not-found" } }, { status: 404 });
  const at = now();
  const result = await grantVoucher({
    ctx: { db, actor: { type: "system", reason: "e2e" }, now: at },
    input: { accountId: user.accountId, amount: parsed.data.amount, products: parsed.data.products, expiresAt: new Date(at.getTime() + parsed.data.days * 86_400_000), reason: "e2e voucher" },
  });
  return NextResponse.json(result);
}
