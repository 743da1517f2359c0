import "server-only";
import { createHash } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { accounts, invoiceFiles, invoices } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, ValidationError, type ServiceContext } from "@/lib/context";
import { assertStaff } from "@/lib/context/access";
import { notify } from "@/lib/messaging/notify";
import { formatYuan } from "@/lib/pricing";
import { lockWallet } from "@/lib/wallet/ledger";
import { staffTool, type StaffContext } from "./staff-tool";

export const MAX_INVOICE_PDF_BYTES = 5 * 1024 * 1024;
const invoiceNumber = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{8,30}$/, "8 to 30 digits or letters");

/** Locks the wallet (the order every money and invoice change takes), then the invoice. */
async function heldInvoice(tx: StaffContext, id: string, status: "requested" | "reversal-requested") {
  const [peek] = await tx.db.select({ accountId: invoices.accountId }).from(invoices).where(eq(invoices.id, id));
  if (!peek) throw new NotFoundError("invoice-not-found");
  await lockWallet(tx.db, peek.accountId, tx.now);
  const [invoice] = await tx.db.select().from(invoices).where(eq(invoices.id, id)).for("update");
  if (!invoice) throw new NotFoundError("invoice-not-found");
  if (invoice.status !== status) throw new ConflictError("invoice-already-decided", { status: invoice.status });
  return invoice;
}

/**
 * Staff issue a requested invoice (issue 20 item 4): the number from the tax platform and its PDF,
 * stored in the database with its sha256 (docs/payments.md "Invoices"). Decided once: two staff at
 * once find it issued. The customer is told; the PDF is downloadable from /invoices.
 */
export const issueInvoice = staffTool({
  roles: ["support", "admin"],
  input: z.object({ invoiceId: z.uuid(), invoiceNumber, pdf: z.custom<Blob>((v) => v instanceof Blob, "attach the PDF") }),
  run: async (tx, input) => {
    const content = Buffer.from(await input.pdf.arrayBuffer());
    if (content.length === 0 || content.length > MAX_INVOICE_PDF_BYTES) throw new ValidationError("pdf", "invoice-pdf-size", { max: "5 MB" });
    if (content.subarray(0, 5).toString("latin1") !== "%PDF-") throw new ValidationError("pdf", "invoice-pdf-not-pdf");
    const invoice = await heldInvoice(tx, input.invoiceId, "requested");
    const sha256 = createHash("sha256").update(content).digest("hex");
    await tx.db.update(invoices).set({ status: "issued", invoiceNumber: input.invoiceNumber, decidedAt: tx.now, decidedBy: tx.actor.userId }).where(eq(invoices.id, invoice.id));
    await tx.db.insert(invoiceFiles).values({ invoiceId: invoice.id, sha256, size: content.length, content, uploadedAt: tx.now });
    await recordAudit(tx, { action: "invoice.issued", accountId: invoice.accountId, target: invoice.id, before: { status: "requested" }, after: { status: "issued", number: input.invoiceNumber, amount: invoice.amount, sha256 } });
    await notify(tx, { accountId: invoice.accountId, kind: "invoice-issued", product: null, params: { amount: formatYuan(invoice.amount), number: input.invoiceNumber, email: invoice.email }, dedupeKey: `invoice-issued:${invoice.id}` });
    return { invoiceId: invoice.id, sha256 };
  },
});

export const rejectInvoice = staffTool({
  roles: ["support", "admin"],
  input: z.object({ invoiceId: z.uuid(), reason: z.string().trim().min(5).max(500) }),
  run: async (tx, input) => {
    const invoice = await heldInvoice(tx, input.invoiceId, "requested");
    await tx.db.update(invoices).set({ status: "rejected", rejectReason: input.reason, decidedAt: tx.now, decidedBy: tx.actor.userId }).where(eq(invoices.id, invoice.id));
    await recordAudit(tx, { action: "invoice.rejected", accountId: invoice.accountId, target: invoice.id, before: { status: "requested" }, after: { status: "rejected", amount: invoice.amount, reason: input.reason } });
    await notify(tx, { accountId: invoice.accountId, kind: "invoice-rejected", product: null, params: { amount: formatYuan(invoice.amount), reason: input.reason }, dedupeKey: `invoice-rejected:${invoice.id}` });
    return { invoiceId: invoice.id };
  },
});

/** Staff record the red-letter invoice (红字发票) that reverses an issued one: its amount is invoiceable again. */
export const confirmReversal = staffTool({
  roles: ["support", "admin"],
  input: z.object({ invoiceId: z.uuid(), redInvoiceNumber: invoiceNumber }),
  run: async (tx, input) => {
    const invoice = await heldInvoice(tx, input.invoiceId, "reversal-requested");
    await tx.db.update(invoices).set({ status: "reversed", redInvoiceNumber: input.redInvoiceNumber, reversedAt: tx.now }).where(eq(invoices.id, invoice.id));
    await recordAudit(tx, { action: "invoice.reversed", accountId: invoice.accountId, target: invoice.id, before: { status: "reversal-requested" }, after: { status: "reversed", number: invoice.invoiceNumber ?? "", red: input.redInvoiceNumber, amount: invoice.amount } });
    await notify(tx, { accountId: invoice.accountId, kind: "invoice-reversed", product: null, params: { amount: formatYuan(invoice.amount), number: invoice.invoiceNumber ?? "", red: input.redInvoiceNumber }, dedupeKey: `invoice-reversed:${invoice.id}` });
    return { invoiceId: invoice.id };
  },
});

/** The staff invoice queue: requests to issue and reversals to record, oldest first, with the account's name. */
export async function invoiceQueue({ ctx }: { ctx: ServiceContext }) {
  assertStaff(ctx.actor);
  return ctx.db
    .select({ invoice: invoices, accountName: accounts.name })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(inArray(invoices.status, ["requested", "reversal-requested"]))
    .orderBy(asc(invoices.requestedAt))
    .limit(200);
}
