/** Issue 20 item 2: several imports of one statement at once on real PostgreSQL credit each line once. */
import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { bankStatementLines, ledgerTransactions, messages } from "@/db/schema";
import { describePostgres } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { remittanceReferenceOf } from "./accounts";
import { importBankStatement } from "./import";

const at = new Date("2026-11-20T02:00:00Z");
const IMPORTS = 8;

describePostgres("bank statement import races", (database) => {
  const db = () => database().db;

  it(`${IMPORTS} concurrent imports of the same file credit every line once`, async () => {
    const a = await newAccount(db(), at, "transfer-race-a");
    const b = await newAccount(db(), at, "transfer-race-b");
    const refA = await remittanceReferenceOf(db(), a.accountId, at);
    const refB = await remittanceReferenceOf(db(), b.accountId, at);
    const stamp = `R${Date.now()}`;
    const ids = Array.from({ length: 6 }, (_, i) => `${stamp}-${i}`);
    const csv = [
      "date,amount,payer,reference,transaction_id",
      ...ids.map((id, i) => `2026-11-18,${i + 1}00.01,Payer ${i},${i === 5 ? "no reference" : i % 2 ? refB : refA},${id}`),
    ].join("\n");
    const ctx = { db: db(), actor: { type: "system" as const, reason: "ops" }, now: at };
    const reports = await Promise.all(Array.from({ length: IMPORTS }, () => importBankStatement({ ctx, input: { csv } })));
    expect(reports.reduce((n, r) => n + r.credited, 0)).toBe(5);
    expect(reports.reduce((n, r) => n + r.waitingForStaff, 0)).toBe(1);
    expect((await getWallet({ ctx: a.customer() })).cash).toBe("900.03"); // 100.01 + 300.01 + 500.01
    expect((await getWallet({ ctx: b.customer() })).cash).toBe("600.02"); // 200.01 + 400.01
    const lines = await db().select().from(bankStatementLines).where(inArray(bankStatementLines.bankTransactionId, ids));
    expect(lines).toHaveLength(6);
    const posted = await db().select().from(ledgerTransactions).where(eq(ledgerTransactions.accountId, a.accountId));
    expect(posted.filter((t) => t.kind === "transfer")).toHaveLength(3);
    expect(await db().select().from(messages).where(eq(messages.accountId, b.accountId))).toHaveLength(2);
    expect(await ledgerProblems(db(), a.accountId)).toEqual([]);
    expect(await ledgerProblems(db(), b.accountId)).toEqual([]);
  });
});
