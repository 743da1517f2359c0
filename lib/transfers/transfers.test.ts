/**
 * Issue 20 item 2: a bank statement import credits each matched line once, leaves the others for
 * staff, and a second import of the same file changes nothing. Staff assignment credits once.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, bankStatementLines, ledgerTransactions, messages, topUpOrders } from "@/db/schema";
import { ServiceError } from "@/lib/context";
import { createStaff } from "@/lib/identity/staff";
import { assignBankTransfer } from "@/lib/support/bank-transfer-assign";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { remittanceReferenceOf } from "./accounts";
import { importBankStatement } from "./import";
import { bankTransferQueue } from "./queue";

const at = new Date("2026-11-20T02:00:00Z");
let run = 0;

describeEachDatabase("bank statement import", (database) => {
  const db = () => database().db;
  const system = { actor: { type: "system" as const, reason: "ops" }, now: at };

  it("credits two accounts by their references, leaves one line for staff; a re-import is a no-op", async () => {
    run += 1;
    const a = await newAccount(db(), at, "transfer-a");
    const b = await newAccount(db(), at, "transfer-b");
    const refA = await remittanceReferenceOf(db(), a.accountId, at);
    const refB = await remittanceReferenceOf(db(), b.accountId, at);
    expect(await remittanceReferenceOf(db(), a.accountId, at)).toBe(refA);
    const stamp = Date.now();
    const id = (n: number) => `T${stamp}-${run}-${n}`;
    const csv = [
      "date,amount,payer,reference,transaction_id",
      `2026-11-18,"1,200.50",Acme Ltd,货款 ${refA.slice(0, 6)} ${refA.slice(6)},${id(1)}`,
      `2026-11-18,300,Beta Co,${refB.toLowerCase()},${id(2)}`,
      `2026-11-19,88.80,"Gamma, Inc.",payment for November,${id(3)}`,
      `2026-11-19,-50.00,Bank fee,fee,${id(4)}`,
    ].join("\r\n");
    const report = await importBankStatement({ ctx: { db: db(), ...system }, input: { csv } });
    expect(report).toMatchObject({ credited: 2, waitingForStaff: 1, alreadyImported: 0, skippedOutgoing: 1 });
    expect(report.lines.find((l) => l.bankTransactionId === id(3))).toMatchObject({ result: "unmatched", problem: "no-reference", payer: "Gamma, Inc." });
    expect((await getWallet({ ctx: a.customer() })).cash).toBe("1200.50");
    expect((await getWallet({ ctx: b.customer() })).cash).toBe("300.00");
    const [tx] = await db().select().from(ledgerTransactions).where(and(eq(ledgerTransactions.accountId, a.accountId), eq(ledgerTransactions.kind, "transfer")));
    expect(tx?.memo).toMatchObject({ method: "transfer", bankTransactionId: id(1) });
    const [order] = await db().select().from(topUpOrders).where(and(eq(topUpOrders.provider, "transfer"), eq(topUpOrders.providerOrderId, id(1))));
    expect(order).toMatchObject({ accountId: a.accountId, amount: "1200.50", status: "paid", ledgerTransactionId: tx?.id });
    const told = await db().select().from(messages).where(and(eq(messages.accountId, a.accountId), eq(messages.kind, "transfer-received")));
    expect(told).toHaveLength(1);

    const again = await importBankStatement({ ctx: { db: db(), ...system }, input: { csv } });
    expect(again).toMatchObject({ credited: 0, waitingForStaff: 0, alreadyImported: 3 });
    expect((await getWallet({ ctx: a.customer() })).cash).toBe("1200.50");
    expect(await ledgerProblems(db(), a.accountId)).toEqual([]);

    // Staff assign the waiting line to account b by its reference; a second assignment is refused.
    const created = await createStaff({ ctx: { db: db(), actor: { type: "system" }, now: at }, input: { email: uniqueEmail("transfer-staff"), role: "support" } });
    const staff = { db: db(), actor: { type: "staff" as const, userId: created.userId, role: "support" as const }, now: at };
    const queue = await bankTransferQueue({ ctx: staff });
    const waiting = queue.waiting.find((l) => l.bankTransactionId === id(3));
    expect(waiting?.status).toBe("unmatched");
    await expect(assignBankTransfer({ ctx: staff, input: { lineId: waiting!.id, account: "BL0000000000", reason: "called the payer" } })).rejects.toMatchObject({ code: "transfer-reference-invalid" });
    await assignBankTransfer({ ctx: staff, input: { lineId: waiting!.id, account: refB, reason: "called the payer" } });
    await expect(assignBankTransfer({ ctx: staff, input: { lineId: waiting!.id, account: refA, reason: "called the payer" } })).rejects.toBeInstanceOf(ServiceError);
    expect((await getWallet({ ctx: b.customer() })).cash).toBe("388.80");
    expect((await getWallet({ ctx: a.customer() })).cash).toBe("1200.50");
    const [line] = await db().select().from(bankStatementLines).where(eq(bankStatementLines.bankTransactionId, id(3)));
    expect(line).toMatchObject({ status: "assigned", accountId: b.accountId, assignReason: "called the payer" });
    const audited = await db().select().from(auditLog).where(and(eq(auditLog.accountId, b.accountId), eq(auditLog.action, "transfer.line-assigned")));
    expect(audited).toHaveLength(1);
    expect(await ledgerProblems(db(), b.accountId)).toEqual([]);
    // Importing the statement once more still changes nothing, the assigned line included.
    expect((await importBankStatement({ ctx: { db: db(), ...system }, input: { csv } })).alreadyImported).toBe(3);
  });

  it("refuses a malformed file whole, naming the row and column; customers cannot import", async () => {
    const bad = "date,amount,payer,reference,transaction_id\n2026-11-18,100,A,x,ok-1\n2026-11-31,100,B,y,ok-2\n";
    await expect(importBankStatement({ ctx: { db: db(), ...system }, input: { csv: bad } })).rejects.toMatchObject({ code: "statement-not-a-date", field: "date", params: { row: 3 } });
    const [none] = await db().select().from(bankStatementLines).where(eq(bankStatementLines.bankTransactionId, "ok-1"));
    expect(none).toBeUndefined();
    await expect(importBankStatement({ ctx: { db: db(), ...system }, input: { csv: "date,amount\n" } })).rejects.toMatchObject({ code: "statement-missing-column" });
    await expect(importBankStatement({ ctx: { db: db(), ...system }, input: { csv: "date,amount,payer,reference,transaction_id\n2026-11-18,1.234,A,x,ok-3\n" } })).rejects.toMatchObject({ code: "statement-not-an-amount" });
    const c = await newAccount(db(), at, "transfer-c");
    await expect(importBankStatement({ ctx: c.customer(), input: { csv: bad } })).rejects.toMatchObject({ code: "staff-only" });
  });
});
