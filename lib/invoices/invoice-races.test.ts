/** Issue 20 item 4: concurrent invoice requests on real PostgreSQL never exceed the invoiceable amount. */
import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { invoices } from "@/db/schema";
import { ServiceError } from "@/lib/context";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { describePostgres } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { creditAccount } from "@/lib/wallet/credit";
import { Dec } from "@/lib/pricing";
import { invoiceableAmount } from "./amount";
import { requestInvoice } from "./request";
import { addTitle } from "./titles";

const at = new Date("2026-11-20T02:00:00Z");
const ATTEMPTS = 16;

describePostgres("invoice request races", (database) => {
  const db = () => database().db;

  it(`${ATTEMPTS} concurrent requests of ¥70.01 against ¥300 invoiceable: four succeed, the total stays within it`, async () => {
    const a = await newAccount(db(), at, "invoice-race");
    await activateProduct({ ctx: a.customer(), input: { product: "scan", acceptTerms: true } });
    await creditAccount({ ctx: a.system(), input: { accountId: a.accountId, amount: "300", to: "cash", reason: "bank transfer" } });
    for (let i = 0; i < 3; i++) await purchase({ ctx: a.customer(), input: { idempotencyKey: `inv-race-${Date.now()}-${i}`, item: "scan.code-recognition:1k", quantity: 1 } });
    expect((await invoiceableAmount(db(), a.accountId)).invoiceable).toBe("300.00");
    const { titleId } = await addTitle({ ctx: a.customer(), input: { companyName: "Race Co", taxId: "91440300708461136T" } });
    const outcomes = await Promise.allSettled(
      Array.from({ length: ATTEMPTS }, () => requestInvoice({ ctx: a.customer(), input: { titleId, type: "normal", basis: "month", month: "2026-11", amount: "70.01", email: "f@race.test" } })),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    expect(won).toHaveLength(4);
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(lost.every((o) => o.reason instanceof ServiceError && o.reason.code === "invoice-over-invoiceable")).toBe(true);
    const rows = await db().select().from(invoices).where(and(eq(invoices.accountId, a.accountId), inArray(invoices.status, ["requested"])));
    expect(rows.reduce((s, r) => s.plus(r.amount), new Dec(0)).toFixed(2)).toBe("280.04");
    expect((await invoiceableAmount(db(), a.accountId)).invoiceable).toBe("19.96");
  });
});
