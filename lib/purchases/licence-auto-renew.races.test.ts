/** Two run-due at once on real PostgreSQL (issue 22): one licence auto-renewal per period, charged once. */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { licences, purchases } from "@/db/schema";
import { runDue } from "@/lib/billing/run-due";
import { createStaff } from "@/lib/identity/staff";
import { activateProduct } from "@/lib/packs/activation";
import { requestFormalLicence } from "@/lib/quota/requests";
import { quoteLicence } from "@/lib/support/licence-quote";
import { describePostgres, uniqueEmail } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { renewDueLicences, setLicenceAutoRenew } from "./licence-auto-renew";
import { purchase } from "./purchase";

const t0 = new Date("2026-11-03T02:00:00Z");

describePostgres("licence auto-renew races", (database) => {
  it("concurrent renewal runs (and whole run-dues) renew a licence once and charge once", async () => {
    const db = database().db;
    const account = await newAccount(db, t0, "lrenew-race");
    await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
    const staff = await createStaff({ ctx: account.system(), input: { email: uniqueEmail("lrenew-race-staff"), role: "support" } });
    const { requestId } = await requestFormalLicence({ ctx: account.customer(), input: { packageName: "com.race.kiosk", years: 1, note: "" } });
    const { quoteId } = await quoteLicence({ ctx: { db, actor: { type: "staff", userId: staff.userId, role: "support" }, now: t0 }, input: { requestId, price: "700.00", years: 1 } });
    await topUp(account, "2000");
    const bought = await purchase({ ctx: account.customer(), input: { idempotencyKey: "lrenew-race-buy", item: "body.offline-sdk:formal", quantity: 1, quoteId } });
    const [licence] = await db.select().from(licences).where(eq(licences.purchaseId, bought.purchaseId));
    if (!licence?.endsAt) throw new Error("no licence");
    await setLicenceAutoRenew({ ctx: account.customer(), input: { licenceId: licence.id, on: true } });
    const at = new Date(licence.endsAt.getTime() - 60 * 60_000);
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        renewDueLicences({ ctx: account.system(at), accountId: account.accountId }),
        renewDueLicences({ ctx: account.system(at), accountId: account.accountId }),
        renewDueLicences({ ctx: account.system(new Date(at.getTime() + 1000)), accountId: account.accountId }),
      ]);
    }
    await Promise.all([runDue({ ctx: account.system(at), senders: {} }), runDue({ ctx: account.system(at), senders: {} })]);
    // 700.00 bought, 700.00 renewed once.
    expect(await db.select().from(purchases).where(eq(purchases.accountId, account.accountId))).toHaveLength(2);
    expect(await db.select().from(licences).where(eq(licences.accountId, account.accountId))).toHaveLength(2);
    expect((await getWallet({ ctx: account.customer() })).cash).toBe("600.00");
    expect(await ledgerProblems(db, account.accountId)).toEqual([]);
  });
});
