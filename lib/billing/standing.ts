import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { accounts, bills, wallets } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { Dec, formatMoney } from "@/lib/pricing";
import { ARREARS_GRACE_MS } from "./close";

/** What the console's banner needs when an account owes money (SPEC §6). */
export interface ArrearsStanding {
  status: "arrears" | "suspended";
  /** How much a top-up must at least bring to restore the balance to ≥ 0: minus the spendable balance. */
  owed: string;
  /** arrears: when the bill left the balance negative, and when run-due suspends it if still negative (+24 h). */
  arrearsSince: Date | null;
  suspendAt: Date | null;
  /** The months whose bills are unpaid (status arrears), oldest first. */
  months: string[];
}

/**
 * The account's standing if it is in arrears or suspended, else null. Read on every console page
 * (layout banner), so it is one small query for an account in good standing and two otherwise.
 */
export async function arrearsStanding({ ctx }: { ctx: ServiceContext }): Promise<ArrearsStanding | null> {
  const accountId = accountOf(ctx.actor);
  const [row] = await ctx.db
    .select({ status: accounts.status, arrearsSince: accounts.arrearsSince, cash: wallets.cash, income: wallets.income, gift: wallets.gift })
    .from(accounts)
    .leftJoin(wallets, eq(wallets.accountId, accounts.id))
    .where(eq(accounts.id, accountId));
  if (!row || (row.status !== "arrears" && row.status !== "suspended")) return null;
  const balance = new Dec(row.cash ?? "0").plus(row.income ?? "0").plus(row.gift ?? "0");
  const unpaid = await ctx.db.select({ month: bills.month }).from(bills).where(and(eq(bills.accountId, accountId), eq(bills.status, "arrears"))).orderBy(asc(bills.month));
  return {
    status: row.status,
    owed: formatMoney(balance.isNegative() ? balance.neg() : new Dec(0)),
    arrearsSince: row.arrearsSince,
    suspendAt: row.arrearsSince ? new Date(row.arrearsSince.getTime() + ARREARS_GRACE_MS) : null,
    months: unpaid.map((b) => b.month),
  };
}
