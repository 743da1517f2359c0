import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { bankStatementLines, topUpOrders, wallets } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { notify } from "@/lib/messaging/notify";
import { Dec, formatYuan } from "@/lib/pricing";
import { restoreIfSettled } from "@/lib/wallet/account-status";
import { postLedger } from "@/lib/wallet/ledger";
import type { StatementLine } from "./statement";

/**
 * Credits one bank statement line to cash: one ledger transaction (kind `transfer`, keyed by the
 * bank's transaction id), an account in arrears restored once the balance is back to ≥ 0, and a
 * message to the customer. The caller holds the wallet lock and writes the line row and the audit row.
 */
export async function postTransfer(tx: ServiceContext, accountId: string, line: Pick<StatementLine, "amount" | "bankTransactionId" | "bookedOn" | "payer">, lineId: string): Promise<string> {
  const amount = new Dec(line.amount);
  const posted = await postLedger(tx.db, {
    accountId,
    kind: "transfer",
    idempotencyKey: `transfer:${line.bankTransactionId}`,
    documentType: "bank-transfer",
    documentId: lineId,
    memo: { method: "transfer", bankTransactionId: line.bankTransactionId, payer: line.payer, bookedOn: line.bookedOn },
    at: tx.now,
    lines: [
      { book: "external", amount: amount.negated() },
      { book: "cash", amount },
    ],
  });
  // Also a paid top-up order of provider "transfer" (docs/payments.md): the order list and "money paid
  // in by method" read top_up_orders; its unique (provider, provider_order_id) is the bank's id once more.
  await tx.db.insert(topUpOrders).values({
    accountId,
    amount: amount.toFixed(2),
    provider: "transfer",
    providerOrderId: line.bankTransactionId,
    status: "paid",
    ledgerTransactionId: posted.transactionId,
    createdAt: tx.now,
    paidAt: tx.now,
  });
  const [after] = await tx.db.select().from(wallets).where(eq(wallets.accountId, accountId));
  if (after) await restoreIfSettled(tx, accountId, after);
  await notify(tx, { accountId, kind: "transfer-received", product: null, params: { amount: formatYuan(amount), date: line.bookedOn }, dedupeKey: `transfer:${line.bankTransactionId}` });
  return posted.transactionId;
}

export function newLineId(): string {
  return randomUUID();
}

export { bankStatementLines };
