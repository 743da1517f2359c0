import { sql } from "drizzle-orm";
import { bigserial, check, date, index, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, users } from "./identity";
import { ledgerTransactions } from "./wallet";

const money = (name: string) => numeric(name, { precision: 20, scale: 2 });

/**
 * Each account's remittance reference (issue 20 item 2): a number given once, when the reference is
 * first shown; the reference the customer writes on a bank transfer is that number scrambled and
 * spelled in Crockford base 32 with a check character (lib/transfers/reference.ts). Stored as a
 * number, so decoding a reference is arithmetic plus one indexed lookup.
 */
export const remittanceReferences = pgTable(
  "remittance_references",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => accounts.id),
    number: bigserial("number", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [uniqueIndex("remittance_references_number").on(t.number)],
);

export const statementLineStatuses = ["credited", "unmatched", "ambiguous", "assigned"] as const;
export type StatementLineStatus = (typeof statementLineStatuses)[number];

/**
 * One line of an imported bank statement. The bank's own transaction id is unique: a line imported
 * twice (the same file again, two imports at once) is credited once. `credited`: matched by its
 * reference at import; `unmatched`/`ambiguous`: waiting for staff; `assigned`: staff credited it.
 */
export const bankStatementLines = pgTable(
  "bank_statement_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bankTransactionId: text("bank_transaction_id").notNull(),
    bookedOn: date("booked_on", { mode: "string" }).notNull(),
    amount: money("amount").notNull(),
    payer: text("payer").notNull(),
    reference: text("reference").notNull(),
    status: text("status", { enum: statementLineStatuses }).notNull(),
    /** Why a line waits for staff: no-reference, unknown-reference, several-references. */
    problem: text("problem"),
    accountId: uuid("account_id").references(() => accounts.id),
    ledgerTransactionId: uuid("ledger_transaction_id").references(() => ledgerTransactions.id),
    importedAt: timestamp("imported_at", { withTimezone: true, mode: "date" }).notNull(),
    assignedAt: timestamp("assigned_at", { withTimezone: true, mode: "date" }),
    assignedBy: uuid("assigned_by").references(() => users.id),
    assignReason: text("assign_reason"),
  },
  (t) => [
    uniqueIndex("bank_statement_lines_bank_txn").on(t.bankTransactionId),
    index("bank_statement_lines_status_idx").on(t.status, t.importedAt),
    index("bank_statement_lines_account_idx").on(t.accountId),
    check("bank_statement_lines_amount_positive", sql`${t.amount} > 0`),
    check("bank_statement_lines_status_check", sql`${t.status} in ('credited','unmatched','ambiguous','assigned')`),
    check("bank_statement_lines_credited_has_account", sql`(${t.status} in ('credited','assigned')) = (${t.accountId} is not null and ${t.ledgerTransactionId} is not null)`),
  ],
);
