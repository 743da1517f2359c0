import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, packs, serviceActivations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { monthEnd, monthOf, monthStart, oneTimeGrantAt, priceBookForMonth, productOfApi, type Month, type ProductId } from "@/lib/pricing";

/** SPEC §2.2: an account suspended for arrears or disabled for a violation gets no free pack. */
export function receivesFreePacks(status: string): boolean {
  return status === "active" || status === "arrears";
}

/**
 * Issues the month's free packs of one product (SPEC §2.2): one per free pool of the month's price
 * book, valid until the month ends. Delivered on the 1st (SPEC §2.2) even when the job runs a little
 * later, or at the activation for a product activated mid-month. Idempotent: the unique (account, pool, month) index makes a second issue a no-op.
 * Returns how many packs were created.
 */
export async function issueProductFreePacks(db: Database, accountId: string, product: ProductId, month: Month, deliverAt: Date, at: Date): Promise<number> {
  const book = priceBookForMonth(month);
  const pools = book.freePools.filter((pool) => pool.apis.some((api) => productOfApi(api) === product));
  if (pools.length === 0) return 0;
  const start = monthStart(month);
  const deliveredAt = deliverAt.getTime() > start.getTime() ? deliverAt : start;
  const inserted = await db
    .insert(packs)
    .values(
      pools.map((pool) => ({
        accountId,
        // A single-API pool's id is the API id; the 2022-09 vehicle pool keeps its own id (see db/schema/packs.ts).
        api: pool.id,
        size: pool.callsPerMonth,
        remaining: pool.callsPerMonth,
        source: "free" as const,
        freeMonth: month,
        deliveredAt,
        expiresAt: monthEnd(month),
        createdAt: at,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: packs.id });
  return inserted.length;
}

/** SPEC §2.2: scan.barcode-lookup's 50 calls, granted at the first activation of scan, valid 5 years, never again. */
export async function grantBarcodeLookupOnce(db: Database, accountId: string, at: Date): Promise<boolean> {
  const grant = oneTimeGrantAt("scan.barcode-lookup", at);
  if (!grant) return false;
  const inserted = await db
    .insert(packs)
    .values({
      accountId,
      api: "scan.barcode-lookup",
      size: grant.calls,
      remaining: grant.calls,
      source: "free",
      oneTimeGrant: "scan.barcode-lookup",
      deliveredAt: at,
      expiresAt: grant.expiresAt,
      createdAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: packs.id });
  return inserted.length === 1;
}

/**
 * The month's free packs for every product the account has active (called by the monthly job,
 * `ops issue-free-packs`, for each account). Idempotent; nothing for a suspended or disabled account.
 */
export async function issueFreePacks({ ctx, input }: { ctx: ServiceContext; input: { accountId: string; month?: Month } }): Promise<{ issued: number }> {
  const month = input.month ?? monthOf(ctx.now);
  return inTransaction(ctx, async (tx) => {
    const [account] = await tx.db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, input.accountId));
    if (!account || !receivesFreePacks(account.status)) return { issued: 0 };
    const active = await tx.db.select().from(serviceActivations).where(and(eq(serviceActivations.accountId, input.accountId)));
    let issued = 0;
    for (const activation of active) {
      // A product activated after this month ended gets nothing for it.
      if (activation.activatedAt.getTime() >= monthEnd(month).getTime()) continue;
      issued += await issueProductFreePacks(tx.db, input.accountId, activation.product as ProductId, month, activation.activatedAt, tx.now);
    }
    if (issued > 0) await recordAudit(tx, { action: "packs.free-issued", accountId: input.accountId, target: month, after: { issued } });
    return { issued };
  });
}
