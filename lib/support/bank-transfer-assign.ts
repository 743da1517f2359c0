import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { bankStatementLines, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/context";
import { accountsByReferenceNumber } from "@/lib/transfers/accounts";
import { postTransfer } from "@/lib/transfers/credit";
import { decodeReference } from "@/lib/transfers/reference";
import { lockWallet } from "@/lib/wallet/ledger";
import { staffTool, type StaffContext } from "./staff-tool";

/** The account staff name: its remittance reference (BL…), or the email of one of its users. */
async function accountNamed(tx: StaffContext, text: string): Promise<string> {
  const trimmed = text.trim();
  if (trimmed.includes("@")) {
    const [user] = await tx.db.select({ accountId: users.accountId }).from(users).where(eq(users.email, trimmed.toLowerCase()));
    if (!user?.accountId) throw new ValidationError("account", "transfer-account-unknown");
    return user.accountId;
  }
  const number = decodeReference(trimmed);
  if (number === null) throw new ValidationError("account", "transfer-reference-invalid");
  const owner = (await accountsByReferenceNumber(tx.db, [number])).get(number);
  if (!owner) throw new ValidationError("account", "transfer-account-unknown");
  return owner;
}

/**
 * Staff assign a statement line the import could not match (issue 20 item 2): credited to the named
 * account exactly as a matched line is (one ledger transaction, a message), once — two staff at once
 * find it assigned — with the reason on the customer's access log.
 */
export const assignBankTransfer = staffTool({
  roles: ["support", "admin"],
  input: z.object({ lineId: z.uuid(), account: z.string().trim().min(3).max(200), reason: z.string().trim().min(5).max(500) }),
  run: async (tx, input) => {
    const accountId = await accountNamed(tx, input.account);
    await lockWallet(tx.db, accountId, tx.now);
    const [line] = await tx.db.select().from(bankStatementLines).where(eq(bankStatementLines.id, input.lineId)).for("update");
    if (!line) throw new NotFoundError("transfer-line-not-found");
    if (line.status !== "unmatched" && line.status !== "ambiguous") throw new ConflictError("transfer-line-already-credited", { status: line.status });
    const ledgerTransactionId = await postTransfer(tx, accountId, line, line.id);
    await tx.db
      .update(bankStatementLines)
      .set({ status: "assigned", accountId, ledgerTransactionId, assignedAt: tx.now, assignedBy: tx.actor.userId, assignReason: input.reason })
      .where(eq(bankStatementLines.id, line.id));
    await recordAudit(tx, {
      action: "transfer.line-assigned",
      accountId,
      target: line.id,
      before: { status: line.status, problem: line.problem },
      after: { status: "assigned", amount: line.amount, bankTransactionId: line.bankTransactionId, reason: input.reason },
    });
    return { lineId: line.id, accountId };
  },
});
