/** Two run-due at once on real PostgreSQL (issue 22): one auto-renewal per period, charged once. */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { purchases, qpsGrants, qpsGroupModes } from "@/db/schema";
import { activateProduct } from "@/lib/packs/activation";
import { describePostgres } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { renewDueQps, setQpsAutoRenew } from "./auto-renew";
import { purchase } from "./purchase";

const t0 = new Date("2026-11-03T02:00:00Z");

describePostgres("QPS auto-renew races", (database) => {
  it("two renewal runs at once renew once and charge once", async () => {
    const db = database().db;
    const account = await newAccount(db, t0, "renew-race");
    await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
    await topUp(account, "5000");
    const bought = await purchase({ ctx: account.customer(), input: { idempotencyKey: "qps-race-buy", item: "qps:body", quantity: 3, period: "month", periods: 1 } });
    await db.insert(qpsGroupModes).values({ accountId: account.accountId, groupId: "body", mode: "qps", changedAt: t0 });
    const [grant] = await db.select().from(qpsGrants).where(eq(qpsGrants.purchaseId, bought.purchaseId));
    if (!grant) throw new Error("no grant");
    await setQpsAutoRenew({ ctx: account.customer(), input: { grantId: grant.id, on: true } });
    const at = new Date(grant.endsAt.getTime() - 10 * 60_000);
    for (let round = 0; round < 3; round++) {
      await Promise.all([renewDueQps({ ctx: account.system(at) }), renewDueQps({ ctx: account.system(at) }), renewDueQps({ ctx: account.system(at) })]);
    }
    // 3 QPS at 480: 1440.00 bought, 1440.00 renewed once.
    expect(await db.select().from(purchases).where(eq(purchases.accountId, account.accountId))).toHaveLength(2);
    expect(await db.select().from(qpsGrants).where(eq(qpsGrants.accountId, account.accountId))).toHaveLength(2);
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("2120.00");
    expect(await ledgerProblems(db, account.accountId)).toEqual([]);
  });
});
