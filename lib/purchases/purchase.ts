import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { purchases, vouchers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { notify } from "@/lib/messaging/notify";
import { ConflictError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { Dec, formatMoney, formatYuan, shanghaiDay, splitPayment, type PaidFrom, type ProductId, type Voucher } from "@/lib/pricing";
import { lockWallet, postLedger } from "@/lib/wallet/ledger";
import { fulfil } from "./fulfil";
import { preparePurchase } from "./prepare";
import type { PurchaseInput } from "./schemas";

/**
 * An auto-renewal (lib/purchases/auto-renew.ts, licence-auto-renew.ts): bought by the system for the
 * account that opted in, its grant or licence starting where the old one ends (or now, if run-due ran
 * late), so there is no gap. A formal offline-SDK licence renews against the quote it was bought from.
 */
export interface Renewal {
  accountId: string;
  startsAt: Date;
}

export interface PurchaseResult {
  purchaseId: string;
  /** True when this idempotency key had already bought: nothing was charged this time. */
  duplicate: boolean;
  item: string;
  amount: string;
  paid: PaidFrom;
}

function paidOf(row: typeof purchases.$inferSelect): PaidFrom {
  return { voucher: formatMoney(row.paidVoucher), gift: formatMoney(row.paidGift), income: formatMoney(row.paidIncome), cash: formatMoney(row.paidCash) };
}

async function existingPurchase(db: Database, accountId: string, key: string): Promise<PurchaseResult | null> {
  const [row] = await db.select().from(purchases).where(and(eq(purchases.accountId, accountId), eq(purchases.idempotencyKey, key)));
  return row ? { purchaseId: row.id, duplicate: true, item: row.item, amount: formatMoney(row.amount), paid: paidOf(row) } : null;
}

/** The account's own voucher, as the payment split reads it. */
export async function voucherForPayment(db: Database, accountId: string, voucherId: string): Promise<Voucher & { id: string }> {
  const [row] = await db.select().from(vouchers).where(and(eq(vouchers.id, voucherId), eq(vouchers.accountId, accountId)));
  if (!row) throw new NotFoundError("voucher-not-found");
  return { id: row.id, remaining: row.remaining, products: row.products as ProductId[], expiresAt: row.expiresAt };
}

/**
 * A voucher the customer chose must pay, or the purchase is refused, naming the voucher: paying the
 * whole price in cash behind the customer's back is not what they asked for (issue 9 item 9). The
 * pure split (lib/pricing) still reads such a voucher as paying nothing, for quotes.
 */
function assertVoucherApplies(voucher: Voucher, product: ProductId, at: Date): void {
  const label = `${formatYuan(voucher.remaining)} (${voucher.products.join(", ")})`;
  if (!voucher.products.includes(product)) throw new ConflictError("voucher-wrong-product", { voucher: label, product }, "voucherId");
  const expiresAt = new Date(voucher.expiresAt);
  if (at.getTime() >= expiresAt.getTime()) {
    // The last Shanghai day it was valid (its expiry is the first instant after that day).
    const lastDay = shanghaiDay(new Date(expiresAt.getTime() - 1));
    throw new ConflictError("voucher-expired", { voucher: label, date: lastDay }, "voucherId");
  }
}

/**
 * Buys a pack, QPS or scan.sdk (SPEC §2.4, §2.6, §2.7, §3) in one transaction: price from
 * lib/pricing, pay with the applied voucher then gift, income, cash (splitPayment), post the
 * balanced ledger transaction, deliver, audit.
 *
 * Serialized per account by the wallet row lock. Under it, the idempotency key is looked up first:
 * a double click or retried request finds the first purchase and charges nothing (the unique
 * (account, key) index backs this up). The balance read under the lock is the one charged, so
 * concurrent purchases can never together overdraw it; not enough money charges nothing and says
 * how much is missing.
 */
export async function purchase({ ctx, input, renewal }: { ctx: ServiceContext; input: PurchaseInput; renewal?: Renewal }): Promise<PurchaseResult> {
  assertCanWrite(ctx.actor);
  // A renewal is run by the system for the account that opted in; everyone else buys for their own account.
  const isRenewal = renewal !== undefined && ctx.actor.type === "system";
  const accountId = renewal && isRenewal ? renewal.accountId : accountOf(ctx.actor);
  const deliverAt = (now: Date) => (renewal ? new Date(Math.max(renewal.startsAt.getTime(), now.getTime())) : now);
  return inTransaction(ctx, async (tx) => {
    const wallet = await lockWallet(tx.db, accountId, tx.now);
    const existing = await existingPurchase(tx.db, accountId, input.idempotencyKey);
    if (existing) return existing;
    const { priced, quote } = await preparePurchase(tx.db, accountId, input, deliverAt(tx.now), { lockQuote: true, renewal: isRenewal });
    const voucher = input.voucherId ? await voucherForPayment(tx.db, accountId, input.voucherId) : undefined;
    if (voucher) assertVoucherApplies(voucher, priced.product, tx.now);
    const split = splitPayment({ price: priced.amount, product: priced.product, balance: wallet, voucher, at: tx.now });
    if (!split.ok) {
      throw new ConflictError("insufficient-balance", {
        price: formatYuan(split.price),
        voucherPays: formatYuan(split.voucherPays),
        needed: formatYuan(split.balanceNeeded),
        available: formatYuan(split.balanceAvailable),
        shortfall: formatYuan(split.shortfall),
      });
    }
    const paid = split.paid;
    const purchaseId = randomUUID();
    const amount = formatMoney(priced.amount);
    const [row] = await tx.db
      .insert(purchases)
      .values({
        id: purchaseId,
        accountId,
        idempotencyKey: input.idempotencyKey,
        item: priced.item,
        kind: priced.kind,
        product: priced.product,
        quantity: priced.quantity,
        period: priced.period ?? null,
        periods: priced.periods ?? null,
        unitPrice: priced.unitPrice.toFixed(),
        amount,
        voucherId: new Dec(paid.voucher).isZero() ? null : (voucher?.id ?? null),
        paidVoucher: paid.voucher,
        paidGift: paid.gift,
        paidIncome: paid.income,
        paidCash: paid.cash,
        details: input.app ? { app: input.app } : quote ? { quoteId: quote.id, packageName: quote.packageName, years: quote.years } : null,
        createdAt: tx.now,
      })
      .onConflictDoNothing()
      .returning({ id: purchases.id });
    if (!row) {
      const raced = await existingPurchase(tx.db, accountId, input.idempotencyKey);
      if (raced) return raced;
      throw new ConflictError("purchase-conflict");
    }
    const posted = await postLedger(tx.db, {
      accountId,
      kind: "purchase",
      idempotencyKey: `purchase:${purchaseId}`,
      documentType: "purchase",
      documentId: purchaseId,
      memo: { item: priced.item, quantity: priced.quantity },
      at: tx.now,
      lines: [
        ...(voucher ? [{ book: "voucher" as const, voucherId: voucher.id, amount: new Dec(paid.voucher).negated() }] : []),
        { book: "gift", amount: new Dec(paid.gift).negated() },
        { book: "income", amount: new Dec(paid.income).negated() },
        { book: "cash", amount: new Dec(paid.cash).negated() },
        { book: "revenue", amount: new Dec(amount) },
      ],
    });
    await tx.db.update(purchases).set({ ledgerTransactionId: posted.transactionId }).where(eq(purchases.id, purchaseId));
    await fulfil(tx.db, { accountId, purchaseId, priced, item: input, paid, at: deliverAt(tx.now), quote, autoRenew: renewal !== undefined });
    await recordAudit(tx, {
      action: "purchase.paid",
      accountId,
      target: purchaseId,
      after: { item: priced.item, quantity: priced.quantity, period: priced.period, periods: priced.periods, amount, paid },
    });
    await notify(tx, { accountId, kind: "purchase-complete", product: priced.product, params: { item: priced.item, quantity: priced.quantity, amount: formatYuan(amount), purchase: purchaseId }, dedupeKey: `purchase:${purchaseId}` });
    return { purchaseId, duplicate: false, item: priced.item, amount, paid };
  });
}
