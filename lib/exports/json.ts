import type { TransactionView } from "@/lib/wallet/balance";

/** A ledger transaction for finance tools (API.md style): its document, and the movement per book, money as strings. */
export function transactionJson(tx: TransactionView) {
  return {
    id: tx.id,
    at: tx.at.toISOString(),
    kind: tx.kind,
    document: { type: tx.documentType, id: tx.documentId },
    changes: { cash: tx.changes.cash ?? "0.00", income: tx.changes.income ?? "0.00", gift: tx.changes.gift ?? "0.00", frozen: tx.changes.frozen ?? "0.00", voucher: tx.changes.voucher ?? "0.00" },
  };
}
