import "server-only";
import { eq } from "drizzle-orm";
import { bankStatementLines } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, ValidationError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { assertOperator } from "@/lib/wallet/operator";
import { lockWallet } from "@/lib/wallet/ledger";
import { accountsByReferenceNumber } from "./accounts";
import { newLineId, postTransfer } from "./credit";
import { referencesIn } from "./reference";
import { parseStatement, type StatementLine } from "./statement";

export type LineOutcome =
  | { row: number; bankTransactionId: string; result: "credited"; accountId: string; amount: string }
  | { row: number; bankTransactionId: string; result: "unmatched" | "ambiguous"; problem: string; amount: string; payer: string; reference: string }
  | { row: number; bankTransactionId: string; result: "already-imported" };

export interface ImportReport {
  credited: number;
  waitingForStaff: number;
  alreadyImported: number;
  skippedOutgoing: number;
  lines: LineOutcome[];
}

type Match = { accountId: string } | { status: "unmatched" | "ambiguous"; problem: string };

async function match(ctx: ServiceContext, line: StatementLine): Promise<Match> {
  const numbers = referencesIn(line.reference);
  if (numbers.length === 0) return { status: "unmatched", problem: "no-reference" };
  const owners = await accountsByReferenceNumber(ctx.db, numbers);
  const accounts = [...new Set(owners.values())];
  if (accounts.length === 0) return { status: "unmatched", problem: "unknown-reference" };
  if (accounts.length > 1 || owners.size < numbers.length) return { status: "ambiguous", problem: "several-references" };
  return { accountId: accounts[0] as string };
}

/**
 * One line, one transaction. A matched line locks its wallet and checks the bank's transaction id
 * under that lock, so two imports of one file credit once (the second finds the line); an unmatched
 * line is inserted once (the unique transaction id), for staff to assign.
 */
async function importLine(ctx: ServiceContext, line: StatementLine): Promise<LineOutcome> {
  const found = await match(ctx, line);
  return inTransaction(ctx, async (tx) => {
    const base = { row: line.row, bankTransactionId: line.bankTransactionId };
    if ("accountId" in found) await lockWallet(tx.db, found.accountId, tx.now);
    const [existing] = await tx.db.select({ id: bankStatementLines.id }).from(bankStatementLines).where(eq(bankStatementLines.bankTransactionId, line.bankTransactionId));
    if (existing) return { ...base, result: "already-imported" };
    const id = newLineId();
    const row = { id, bankTransactionId: line.bankTransactionId, bookedOn: line.bookedOn, amount: line.amount, payer: line.payer, reference: line.reference, importedAt: tx.now };
    if (!("accountId" in found)) {
      const inserted = await tx.db.insert(bankStatementLines).values({ ...row, status: found.status, problem: found.problem }).onConflictDoNothing().returning({ id: bankStatementLines.id });
      if (inserted.length === 0) return { ...base, result: "already-imported" };
      await recordAudit(tx, { action: "transfer.line-unmatched", accountId: null, target: id, after: { bankTransactionId: line.bankTransactionId, amount: line.amount, problem: found.problem } });
      return { ...base, result: found.status, problem: found.problem, amount: line.amount, payer: line.payer, reference: line.reference };
    }
    const ledgerTransactionId = await postTransfer(tx, found.accountId, line, id);
    const inserted = await tx.db
      .insert(bankStatementLines)
      .values({ ...row, status: "credited", accountId: found.accountId, ledgerTransactionId })
      .onConflictDoNothing()
      .returning({ id: bankStatementLines.id });
    // Another import inserted this id as a line for staff between our check and now: undo the credit.
    if (inserted.length === 0) throw new ConflictError("statement-line-raced", { bankTransactionId: line.bankTransactionId });
    await recordAudit(tx, { action: "wallet.transfer-credited", accountId: found.accountId, target: id, after: { bankTransactionId: line.bankTransactionId, amount: line.amount, bookedOn: line.bookedOn, method: "transfer" } });
    return { ...base, result: "credited", accountId: found.accountId, amount: line.amount };
  });
}

/**
 * `ops import-bank-statement FILE.csv` (issue 20 item 2): credits each line whose memo carries one
 * account's remittance reference, exactly once per bank transaction id, and leaves every other
 * incoming line for staff (the staff console's bank transfer queue).
 */
export async function importBankStatement({ ctx, input }: { ctx: ServiceContext; input: { csv: string } }): Promise<ImportReport> {
  assertOperator(ctx.actor);
  const parsed = parseStatement(input.csv);
  if (!parsed.ok) throw new ValidationError(parsed.column || "file", `statement-${parsed.problem}`, { row: parsed.row });
  const lines: LineOutcome[] = [];
  for (const line of parsed.lines) {
    try {
      lines.push(await importLine(ctx, line));
    } catch (error) {
      if (error instanceof ConflictError && error.code === "statement-line-raced") lines.push({ row: line.row, bankTransactionId: line.bankTransactionId, result: "already-imported" });
      else throw error;
    }
  }
  return {
    credited: lines.filter((l) => l.result === "credited").length,
    waitingForStaff: lines.filter((l) => l.result === "unmatched" || l.result === "ambiguous").length,
    alreadyImported: lines.filter((l) => l.result === "already-imported").length,
    skippedOutgoing: parsed.skipped.length,
    lines,
  };
}
