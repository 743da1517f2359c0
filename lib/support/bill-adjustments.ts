import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { billAdjustments, billLines, bills, ledgerEntries, ledgerTransactions, wallets } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError } from "@/lib/context";
import { notify } from "@/lib/messaging/notify";
import { Dec, formatMoney, formatYuan } from "@/lib/pricing";
import { restoreIfSettled } from "@/lib/wallet/account-status";
import { lockWallet, postLedger } from "@/lib/wallet/ledger";
import { amountSchema } from "@/lib/wallet/schemas";
import { approvalThreshold } from "./adjustment-threshold";
import { staffTool, type StaffContext } from "./staff-tool";

type Adjustment = typeof billAdjustments.$inferSelect;
type Bill = typeof bills.$inferSelect;

export interface Returned {
  cash: Dec;
  income: Dec;
  gift: Dec;
}

/**
 * Reading ADJUSTMENT_RETURNS_LAST_TAKEN_FIRST: a credit note gives money back in the reverse of the
 * order the bill took it (gift → income → cash, lib/billing/debit.ts): cash first — which is where
 * arrears sit, so a note on an unpaid bill reduces the arrears — then income, then gift, each never
 * more than the bill took from it less what earlier notes gave back. Pure.
 */
export function adjustmentReturns(amount: Dec, taken: Returned, returnedBefore: Returned): Returned {
  let left = amount;
  const give = (book: keyof Returned) => {
    const room = Dec.max(taken[book].minus(returnedBefore[book]), 0);
    const part = Dec.min(room, left);
    left = left.minus(part);
    return part;
  };
  const cash = give("cash");
  const income = give("income");
  const gift = give("gift");
  if (!left.isZero()) throw new Error(`the bill took less than the notes give back (${left.toFixed(2)} over)`);
  return { cash, income, gift };
}

/** Locks the account's wallet, then the bill (the order every money move of an account uses), and reads what the notes need. */
async function heldBill(tx: StaffContext, billId: string, accountId?: string) {
  const [peek] = await tx.db.select({ accountId: bills.accountId }).from(bills).where(eq(bills.id, billId));
  if (!peek || (accountId !== undefined && peek.accountId !== accountId)) throw new NotFoundError("bill-not-found");
  await lockWallet(tx.db, peek.accountId, tx.now);
  const [bill] = await tx.db.select().from(bills).where(eq(bills.id, billId)).for("update");
  if (!bill) throw new NotFoundError("bill-not-found");
  const [lines, notes] = await Promise.all([
    tx.db.select({ position: billLines.position, api: billLines.api, amount: billLines.amount }).from(billLines).where(eq(billLines.billId, bill.id)),
    tx.db.select().from(billAdjustments).where(and(eq(billAdjustments.billId, bill.id), ne(billAdjustments.status, "rejected"))),
  ]);
  return { bill, lines, notes };
}

/** What is left of the bill (or of one line) after the notes not rejected: pending ones hold their amount too. */
function leftOf(bill: Bill, lines: { position: number; amount: string }[], notes: Adjustment[], line: number | null): Dec {
  const noted = (list: Adjustment[]) => list.reduce((sum, n) => sum.plus(n.amount), new Dec(0));
  const billLeft = new Dec(bill.usageTotal).minus(noted(notes));
  if (line === null) return billLeft;
  const row = lines.find((l) => l.position === line);
  if (!row) throw new NotFoundError("bill-line-not-found");
  return Dec.min(billLeft, new Dec(row.amount).minus(noted(notes.filter((n) => n.linePosition === line))));
}

/** What the bill's own ledger posting took from each sub-account (lib/billing/close-settle.ts, key `bill:<month>`). */
async function takenByBill(tx: StaffContext, bill: Bill): Promise<Returned> {
  const rows = await tx.db
    .select({ book: ledgerEntries.book, amount: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(and(eq(ledgerTransactions.accountId, bill.accountId), eq(ledgerTransactions.idempotencyKey, `bill:${bill.month}`), inArray(ledgerEntries.book, ["cash", "income", "gift"])))
    .groupBy(ledgerEntries.book);
  const of = (book: string) => new Dec(rows.find((r) => r.book === book)?.amount ?? "0").negated();
  return { cash: of("cash"), income: of("income"), gift: of("gift") };
}

function lineApi(lines: { position: number; api: string }[], position: number | null): string | null {
  return position === null ? null : (lines.find((l) => l.position === position)?.api ?? null);
}

/** Posts a note in the caller's transaction (wallet and bill locked): ledger, the note's row, the message, and a restore when the balance is back to ≥ 0. */
async function post(tx: StaffContext, held: Awaited<ReturnType<typeof heldBill>>, note: Adjustment, decided: boolean) {
  const { bill, lines, notes } = held;
  const posted = notes.filter((n) => n.status === "posted" && n.id !== note.id);
  const before = {
    cash: posted.reduce((s, n) => s.plus(n.returnedCash), new Dec(0)),
    income: posted.reduce((s, n) => s.plus(n.returnedIncome), new Dec(0)),
    gift: posted.reduce((s, n) => s.plus(n.returnedGift), new Dec(0)),
  };
  const amount = new Dec(note.amount);
  const back = adjustmentReturns(amount, await takenByBill(tx, bill), before);
  await postLedger(tx.db, {
    accountId: bill.accountId,
    kind: "adjustment",
    idempotencyKey: `adjustment:${note.id}`,
    documentType: "bill-adjustment",
    documentId: note.id,
    memo: { month: bill.month, line: lineApi(lines, note.linePosition), reason: note.reason, ticketRef: note.ticketRef },
    at: tx.now,
    lines: [
      { book: "revenue", amount: amount.negated() },
      { book: "cash", amount: back.cash },
      { book: "income", amount: back.income },
      { book: "gift", amount: back.gift },
    ],
  });
  await tx.db
    .update(billAdjustments)
    .set({
      status: "posted",
      returnedCash: back.cash.toFixed(2),
      returnedIncome: back.income.toFixed(2),
      returnedGift: back.gift.toFixed(2),
      postedAt: tx.now,
      ...(decided ? { decidedBy: tx.actor.userId, decidedAt: tx.now } : {}),
    })
    .where(eq(billAdjustments.id, note.id));
  const returned = { cash: back.cash.toFixed(2), income: back.income.toFixed(2), gift: back.gift.toFixed(2) };
  await recordAudit(tx, {
    action: "bill.adjustment-posted",
    accountId: bill.accountId,
    target: note.id,
    after: { amount: amount.toFixed(2), month: bill.month, line: lineApi(lines, note.linePosition) ?? "bill", reason: note.reason, ticketRef: note.ticketRef, ...returned },
  });
  await notify(tx, {
    accountId: bill.accountId,
    kind: "bill-adjusted",
    product: null,
    params: { month: bill.month, amount: formatYuan(amount), reason: note.reason, ticket: note.ticketRef, cash: formatYuan(back.cash), income: formatYuan(back.income), gift: formatYuan(back.gift) },
    dedupeKey: `bill-adjusted:${note.id}`,
  });
  const [wallet] = await tx.db.select().from(wallets).where(eq(wallets.accountId, bill.accountId));
  const restored = wallet ? await restoreIfSettled(tx, bill.accountId, wallet) : false;
  return { returned, restored };
}

export const requestAdjustmentInput = z.object({
  accountId: z.uuid(),
  billId: z.uuid(),
  /** A bill line's position, or null for the whole bill. */
  line: z.number().int().min(0).max(10_000).nullable(),
  amount: amountSchema,
  reason: z.string().trim().min(5).max(500),
  ticketRef: z.string().trim().min(1).max(64),
});

/**
 * Staff (support or admin) issue a credit note against a bill of the account (issue 22 part 2): the
 * whole bill or one line, up to what is left of it after earlier notes. At or below
 * ADJUSTMENT_APPROVAL_THRESHOLD it is posted at once; above, it waits for an admin who is not the
 * requester. The wallet and the bill are locked first, so concurrent notes see each other and can
 * never together exceed the bill.
 */
export const requestAdjustment = staffTool({
  roles: ["support", "admin"],
  input: requestAdjustmentInput,
  run: async (tx, input) => {
    const held = await heldBill(tx, input.billId, input.accountId);
    const amount = new Dec(input.amount);
    const left = leftOf(held.bill, held.lines, held.notes, input.line);
    if (amount.greaterThan(left)) throw new ConflictError("adjustment-exceeds-left", { left: formatYuan(Dec.max(left, 0)) }, "amount");
    const needsApproval = amount.greaterThan(approvalThreshold());
    const [note] = await tx.db
      .insert(billAdjustments)
      .values({
        accountId: held.bill.accountId,
        billId: held.bill.id,
        linePosition: input.line,
        amount: amount.toFixed(2),
        reason: input.reason,
        ticketRef: input.ticketRef,
        status: "pending-approval",
        requestedBy: tx.actor.userId,
        requestedAt: tx.now,
      })
      .returning();
    if (!note) throw new Error("adjustment insert returned nothing");
    await recordAudit(tx, {
      action: "bill.adjustment-requested",
      accountId: held.bill.accountId,
      target: note.id,
      after: { amount: amount.toFixed(2), month: held.bill.month, line: lineApi(held.lines, input.line) ?? "bill", reason: input.reason, ticketRef: input.ticketRef, approval: needsApproval ? "required" : "not-required" },
    });
    if (needsApproval) return { adjustmentId: note.id, status: "pending-approval" as const, restored: false };
    const done = await post(tx, held, note, false);
    return { adjustmentId: note.id, status: "posted" as const, ...done };
  },
});

/** Locks the note's wallet and bill (through heldBill), then the note itself; only a pending note decided by another staff member. */
async function heldNote(tx: StaffContext, adjustmentId: string) {
  const [peek] = await tx.db.select({ billId: billAdjustments.billId }).from(billAdjustments).where(eq(billAdjustments.id, adjustmentId));
  if (!peek) throw new NotFoundError("adjustment-not-found");
  const held = await heldBill(tx, peek.billId);
  const [note] = await tx.db.select().from(billAdjustments).where(eq(billAdjustments.id, adjustmentId)).for("update");
  if (!note) throw new NotFoundError("adjustment-not-found");
  if (note.status !== "pending-approval") throw new ConflictError("adjustment-not-pending", { status: note.status });
  if (note.requestedBy === tx.actor.userId) throw new ConflictError("adjustment-own-request");
  return { held, note };
}

const adjustmentId = z.uuid();

/** An admin other than the requester approves a pending note: it is posted in the same transaction. */
export const approveAdjustment = staffTool({
  roles: ["admin"],
  input: z.object({ adjustmentId }),
  run: async (tx, input) => {
    const { held, note } = await heldNote(tx, input.adjustmentId);
    await recordAudit(tx, { action: "bill.adjustment-approved", accountId: note.accountId, target: note.id, before: { status: note.status }, after: { status: "posted", amount: formatMoney(note.amount), month: held.bill.month } });
    const done = await post(tx, held, note, true);
    return { adjustmentId: note.id, status: "posted" as const, ...done };
  },
});

/** An admin other than the requester rejects a pending note, with a reason: nothing moves, its amount is free again. */
export const rejectAdjustment = staffTool({
  roles: ["admin"],
  input: z.object({ adjustmentId, reason: z.string().trim().min(5).max(500) }),
  run: async (tx, input) => {
    const { held, note } = await heldNote(tx, input.adjustmentId);
    await tx.db.update(billAdjustments).set({ status: "rejected", decidedBy: tx.actor.userId, decidedAt: tx.now, decisionNote: input.reason }).where(eq(billAdjustments.id, note.id));
    await recordAudit(tx, {
      action: "bill.adjustment-rejected",
      accountId: note.accountId,
      target: note.id,
      before: { status: note.status },
      after: { status: "rejected", amount: formatMoney(note.amount), month: held.bill.month, reason: input.reason },
    });
    return { adjustmentId: note.id, status: "rejected" as const };
  },
});
