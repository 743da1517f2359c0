import { z } from "zod";
import { now } from "@/lib/clock";
import { PRODUCT_IDS } from "@/lib/pricing";
import { accountIdByEmail, testNotFound, testOnlyPost } from "@/lib/tooling/testing/test-route";
import { grantVoucher } from "@/lib/wallet/credit";
import { amountSchema } from "@/lib/wallet/schemas";

const body = z.object({ email: z.string().email(), amount: amountSchema, products: z.array(z.enum(PRODUCT_IDS)).min(1), days: z.number().int().min(1).max(365) });

/** Test mode only: grants a voucher the way `ops grant-voucher` does, so browser tests can pay with one. */
export const POST = testOnlyPost(body, async (input, db) => {
  const accountId = await accountIdByEmail(db, input.email);
  if (!accountId) return testNotFound();
  const at = now();
  return grantVoucher({
    ctx: { db, actor: { type: "system", reason: "e2e" }, now: at },
    input: { accountId, amount: input.amount, products: input.products, expiresAt: new Date(at.getTime() + input.days * 86_400_000), reason: "e2e voucher" },
  });
});
