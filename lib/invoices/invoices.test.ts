/**
 * Issue 20 item 4: the invoiceable amount counts only real money paid in and consumed, a request can
 * never exceed it, staff issue with a PDF kept with its checksum, the customer downloads only their
 * own, and a refund of an invoiced order waits for the red-letter reversal.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, invoiceFiles, messages, packs } from "@/db/schema";
import { createStaff } from "@/lib/identity/staff";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { requestRefund } from "@/lib/refunds/request";
import { confirmReversal, issueInvoice, rejectInvoice } from "@/lib/support/invoice-review";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { creditAccount, grantVoucher } from "@/lib/wallet/credit";
import { invoiceableAmount } from "./amount";
import { invoicePdf } from "./files";
import { invoiceableOrders } from "./orders";
import { requestInvoice, requestReversal } from "./request";
import { addTitle } from "./titles";

const at = new Date("2026-11-20T02:00:00Z");
const PDF = new Blob([Buffer.from("%PDF-1.7\n% test invoice\n%%EOF\n")], { type: "application/pdf" });
const TAX_ID = "91330100799655058B";

describeEachDatabase("invoices", (database) => {
  const db = () => database().db;

  async function staffCtx() {
    const created = await createStaff({ ctx: { db: db(), actor: { type: "system" }, now: at }, input: { email: uniqueEmail("invoice-staff"), role: "support" } });
    return { db: db(), actor: { type: "staff" as const, userId: created.userId, role: "support" as const }, now: at };
  }

  async function buy(account: Awaited<ReturnType<typeof newAccount>>, n: number) {
    const p = await purchase({ ctx: account.customer(), input: { idempotencyKey: `inv-${Date.now()}-${n}`, item: "scan.code-recognition:1k", quantity: 1 } });
    const [pack] = await db().select().from(packs).where(eq(packs.purchaseId, p.purchaseId));
    return { purchaseId: p.purchaseId, packId: pack!.id };
  }

  it("titles: the taxpayer id is checked by format; a 专票 needs the bank details", async () => {
    const a = await newAccount(db(), at, "invoice-title");
    await expect(addTitle({ ctx: a.customer(), input: { companyName: "Acme", taxId: "91330100799655058C" } })).rejects.toMatchObject({ field: "taxId" });
    await expect(addTitle({ ctx: a.customer(), input: { companyName: "Acme", taxId: "1234" } })).rejects.toMatchObject({ field: "taxId" });
    for (const taxId of ["91440300708461136T", "440300799655058", "11010519491231001", "11010519491231002x01"]) {
      await expect(addTitle({ ctx: a.customer(), input: { companyName: "Acme", taxId } })).resolves.toHaveProperty("titleId");
    }
  });

  it("counts only real money paid in and consumed; requests cannot exceed it; staff issue; the customer downloads; a refund waits for 红冲", async () => {
    const a = await newAccount(db(), at, "invoice-flow");
    await activateProduct({ ctx: a.customer(), input: { product: "scan", acceptTerms: true } });
    // 1000 paid in by transfer/cash credit; 500 sandbox top-up (test money); 50 gift; a 50 voucher (not applied).
    await creditAccount({ ctx: a.system(), input: { accountId: a.accountId, amount: "1000", to: "cash", reason: "bank transfer" } });
    await topUp(a, "500");
    await creditAccount({ ctx: a.system(), input: { accountId: a.accountId, amount: "50", to: "gift", reason: "goodwill" } });
    await grantVoucher({ ctx: a.system(), input: { accountId: a.accountId, amount: "50", products: ["scan"], expiresAt: new Date(at.getTime() + 30 * 86_400_000), reason: "promo" } });
    const first = await buy(a, 1);
    const second = await buy(a, 2);
    const figures = await invoiceableAmount(db(), a.accountId);
    expect(figures.paidIn).toBe("1000.00");
    expect(figures.sandboxExcluded).toBe("500.00");
    const orders = await invoiceableOrders(db(), a.accountId);
    const cashSpent = orders.reduce((s, o) => s + Number(o.cash) * 100, 0) / 100;
    expect(figures.consumed).toBe(cashSpent.toFixed(2));
    expect(figures.invoiceable).toBe(Math.min(1000, cashSpent).toFixed(2));
    expect(cashSpent).toBe(150); // two packs of ¥100, the first ¥50 of them paid by the gift

    const { titleId } = await addTitle({ ctx: a.customer(), input: { companyName: "Acme 有限公司", taxId: TAX_ID } });
    await expect(requestInvoice({ ctx: a.customer(), input: { titleId, type: "special", basis: "month", month: "2026-11", amount: "1.00", email: "finance@acme.test" } })).rejects.toMatchObject({ code: "invoice-special-needs-bank" });
    const over = (Number(figures.invoiceable) + 0.01).toFixed(2);
    await expect(requestInvoice({ ctx: a.customer(), input: { titleId, type: "normal", basis: "month", month: "2026-11", amount: over, email: "finance@acme.test" } })).rejects.toMatchObject({ code: "invoice-over-invoiceable" });
    await expect(requestInvoice({ ctx: a.customer(), input: { titleId, type: "normal", basis: "month", month: "2026-10", amount: "1.00", email: "finance@acme.test" } })).rejects.toMatchObject({ code: "invoice-over-invoiceable" });

    // By orders: exactly the cash the first order paid.
    const byOrder = await requestInvoice({ ctx: a.customer(), input: { titleId, type: "normal", basis: "orders", orderIds: [first.purchaseId], email: "finance@acme.test" } });
    expect(byOrder.amount).toBe(orders.find((o) => o.id === first.purchaseId)!.cash);
    await expect(requestInvoice({ ctx: a.customer(), input: { titleId, type: "normal", basis: "orders", orderIds: [first.purchaseId], email: "finance@acme.test" } })).rejects.toMatchObject({ code: "invoice-order-not-invoiceable" });
    const left = (await invoiceableAmount(db(), a.accountId)).invoiceable;
    expect(Number(left)).toBeCloseTo(Number(figures.invoiceable) - Number(byOrder.amount), 2);
    // The rest by month; then nothing is left.
    const byMonth = await requestInvoice({ ctx: a.customer(), input: { titleId, type: "normal", basis: "month", month: "2026-11", amount: left, email: "finance@acme.test" } });
    expect((await invoiceableAmount(db(), a.accountId)).invoiceable).toBe("0.00");

    const staff = await staffCtx();
    await expect(issueInvoice({ ctx: staff, input: { invoiceId: byOrder.invoiceId, invoiceNumber: "26330000000012345678", pdf: new Blob(["not a pdf"]) } })).rejects.toMatchObject({ code: "invoice-pdf-not-pdf" });
    const issued = await issueInvoice({ ctx: staff, input: { invoiceId: byOrder.invoiceId, invoiceNumber: "26330000000012345678", pdf: PDF } });
    await expect(issueInvoice({ ctx: staff, input: { invoiceId: byOrder.invoiceId, invoiceNumber: "26330000000012345679", pdf: PDF } })).rejects.toMatchObject({ code: "invoice-already-decided" });
    await rejectInvoice({ ctx: staff, input: { invoiceId: byMonth.invoiceId, reason: "the title's name is misspelt" } });
    expect((await invoiceableAmount(db(), a.accountId)).invoiceable).toBe(left);
    const [file] = await db().select().from(invoiceFiles).where(eq(invoiceFiles.invoiceId, byOrder.invoiceId));
    expect(file?.sha256).toBe(issued.sha256);
    const told = await db().select().from(messages).where(and(eq(messages.accountId, a.accountId), eq(messages.kind, "invoice-issued")));
    expect(told).toHaveLength(1);

    const download = await invoicePdf({ ctx: a.customer(), input: { invoiceId: byOrder.invoiceId } });
    expect(download.content.subarray(0, 5).toString()).toBe("%PDF-");
    const other = await newAccount(db(), at, "invoice-other");
    await expect(invoicePdf({ ctx: other.customer(), input: { invoiceId: byOrder.invoiceId } })).rejects.toMatchObject({ code: "invoice-not-found" });

    // The invoiced order's refund waits for the red-letter reversal; the other order's does not.
    await expect(requestRefund({ ctx: a.customer(), input: { packId: first.packId } })).rejects.toMatchObject({ code: "invoice-reversal-required", params: { number: "26330000000012345678" } });
    await requestReversal({ ctx: a.customer(), input: { invoiceId: byOrder.invoiceId, reason: "refund of the pack" } });
    await expect(requestRefund({ ctx: a.customer(), input: { packId: first.packId } })).rejects.toMatchObject({ code: "invoice-reversal-required" });
    await confirmReversal({ ctx: staff, input: { invoiceId: byOrder.invoiceId, redInvoiceNumber: "26330000000087654321" } });
    await expect(requestRefund({ ctx: a.customer(), input: { packId: first.packId } })).resolves.toHaveProperty("refundId");
    await expect(requestRefund({ ctx: a.customer(), input: { packId: second.packId } })).resolves.toHaveProperty("refundId");
    expect((await invoiceableAmount(db(), a.accountId)).invoiceable).toBe("0.00");

    const trail = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.accountId, a.accountId));
    const actions = trail.map((r) => r.action);
    for (const action of ["invoice.title-added", "invoice.requested", "invoice.issued", "invoice.rejected", "invoice.downloaded", "invoice.reversal-requested", "invoice.reversed"]) expect(actions).toContain(action);
  });
});
