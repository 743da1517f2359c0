import "server-only";
import { desc, eq } from "drizzle-orm";
import { packs, refunds, type RefundStatus } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { formatMoney } from "@/lib/pricing";

export interface RefundView {
  id: string;
  packId: string;
  packSpec: string | null;
  api: string;
  status: RefundStatus;
  returnedGift: string;
  returnedIncome: string;
  returnedCash: string;
  voucherNotReturned: string;
  reason: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
}

export async function listRefunds({ ctx }: { ctx: ServiceContext }): Promise<RefundView[]> {
  const rows = await ctx.db
    .select({ refund: refunds, pack: { packSpec: packs.packSpec, api: packs.api } })
    .from(refunds)
    .innerJoin(packs, eq(packs.id, refunds.packId))
    .where(eq(refunds.accountId, accountOf(ctx.actor)))
    .orderBy(desc(refunds.requestedAt));
  return rows.map(({ refund, pack }) => ({
    id: refund.id,
    packId: refund.packId,
    packSpec: pack.packSpec,
    api: pack.api,
    status: refund.status,
    returnedGift: formatMoney(refund.returnedGift),
    returnedIncome: formatMoney(refund.returnedIncome),
    returnedCash: formatMoney(refund.returnedCash),
    voucherNotReturned: formatMoney(refund.voucherNotReturned),
    reason: refund.reason,
    requestedAt: refund.requestedAt,
    decidedAt: refund.decidedAt,
  }));
}
