import { sql } from "drizzle-orm";
import { check, customType, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, users } from "./identity";
import { purchases } from "./purchases";

const money = (name: string) => numeric(name, { precision: 20, scale: 2 });

/** PostgreSQL bytea as a Node Buffer (both drivers return one; PGlite a Uint8Array, wrapped here). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * 发票抬头 (issue 20 item 4): what an invoice is made out to. The taxpayer id is checked by format
 * (lib/invoices/tax-id.ts); the address, phone, bank and account are needed for a 专票 only.
 */
export const invoiceTitles = pgTable(
  "invoice_titles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    companyName: text("company_name").notNull(),
    taxId: text("tax_id").notNull(),
    address: text("address"),
    phone: text("phone"),
    bankName: text("bank_name"),
    bankAccount: text("bank_account"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("invoice_titles_account_idx").on(t.accountId)],
);

export const invoiceTypes = ["normal", "special"] as const;
export type InvoiceType = (typeof invoiceTypes)[number];
export const invoiceStatuses = ["requested", "issued", "rejected", "reversal-requested", "reversed"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];
/** The statuses whose amount counts as invoiced (it is taken off the invoiceable amount). */
export const ACTIVE_INVOICE_STATUSES = ["requested", "issued", "reversal-requested"] as const;

/**
 * An invoice request and what became of it: requested → issued (number, PDF) or rejected (reason);
 * an issued invoice is reversed by a red-letter invoice (红冲): reversal-requested → reversed, and
 * only then does its amount count as invoiceable again. The title is copied at request time: an
 * invoice says what it said when it was issued.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    type: text("type", { enum: invoiceTypes }).notNull(),
    amount: money("amount").notNull(),
    /** month: the consumption of a month (YYYY-MM); orders: the purchases in invoice_orders. */
    basis: text("basis", { enum: ["month", "orders"] }).notNull(),
    month: text("month"),
    title: jsonb("title").notNull(),
    email: text("email").notNull(),
    status: text("status", { enum: invoiceStatuses }).notNull(),
    invoiceNumber: text("invoice_number"),
    rejectReason: text("reject_reason"),
    reversalReason: text("reversal_reason"),
    redInvoiceNumber: text("red_invoice_number"),
    requestedAt: timestamp("requested_at", { withTimezone: true, mode: "date" }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    decidedBy: uuid("decided_by").references(() => users.id),
    reversedAt: timestamp("reversed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("invoices_account_idx").on(t.accountId, t.requestedAt),
    index("invoices_status_idx").on(t.status, t.requestedAt),
    check("invoices_amount_positive", sql`${t.amount} > 0`),
    check("invoices_status_check", sql`${t.status} in ('requested','issued','rejected','reversal-requested','reversed')`),
    check("invoices_type_check", sql`${t.type} in ('normal','special')`),
    check("invoices_basis_check", sql`(${t.basis} = 'month') = (${t.month} is not null)`),
    check("invoices_issued_has_number", sql`${t.status} not in ('issued','reversal-requested','reversed') or ${t.invoiceNumber} is not null`),
  ],
);

/** The orders an invoice by orders covers. */
export const invoiceOrders = pgTable(
  "invoice_orders",
  {
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    purchaseId: uuid("purchase_id")
      .notNull()
      .references(() => purchases.id),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.purchaseId] }), index("invoice_orders_purchase_idx").on(t.purchaseId)],
);

/**
 * The issued invoice's PDF, in the database (bytea) with its sha256: it is backed up and replicated
 * with the rows that name it, and a download re-checks the checksum. Capped at 5 MB by the service.
 */
export const invoiceFiles = pgTable(
  "invoice_files",
  {
    invoiceId: uuid("invoice_id")
      .primaryKey()
      .references(() => invoices.id),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    content: bytea("content").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [uniqueIndex("invoice_files_sha256_invoice").on(t.invoiceId, t.sha256)],
);
