import { and, eq } from "drizzle-orm";
import { bills } from "@/db/schema";
import type { Database } from "@/db/client";
import { suspendOverdue } from "@/lib/billing/arrears";
import { closeMonth } from "@/lib/billing/close";
import type { ServiceContext } from "@/lib/context";
import { createStaff } from "@/lib/identity/staff";
import { reportUsage } from "@/lib/metering/report-usage";
import { parseUsageRequest } from "@/lib/metering/usage-request";
import { activateProduct } from "@/lib/packs/activation";
import { creditAccount } from "@/lib/wallet/credit";
import { uniqueEmail } from "./databases";
import { newAccount, topUp } from "./wallet-fixtures";

const shanghai = (local: string) => new Date(`${local}+08:00`);

/** An account whose March 2026 bill of ¥398.00 took ¥20.00 of gift and ¥378.00 of cash, leaving it ¥328.00 in arrears, then suspended. */
export async function billedAccount(db: Database, month = "2026-03") {
  const [y, m] = month.split("-");
  const start = shanghai(`${y}-${m}-02T10:00:00`);
  const account = await newAccount(db, start, "adjust");
  await activateProduct({ ctx: account.customer(), input: { product: "processing", acceptTerms: true } });
  await topUp(account, "50", start);
  await creditAccount({ ctx: account.system(start), input: { accountId: account.accountId, amount: "20", to: "gift", reason: "welcome" } });
  const gateway: ServiceContext = { db, actor: { type: "api-key", keyId: "00000000-0000-0000-0000-00000000000d", accountId: account.accountId }, now: start };
  const usage = await reportUsage({ ctx: gateway, input: { events: parseUsageRequest({ events: [{ id: `adj-${month}`, api: "processing.crop", calls: 200_000, at: start.toISOString() }] }) } });
  if (usage[0]?.status !== "accepted") throw new Error(`usage not accepted: ${JSON.stringify(usage)}`);
  const end = new Date(Date.UTC(Number(y), Number(m), 1) - 8 * 3_600_000);
  const closedAt = new Date(end.getTime() + 3 * 3_600_000);
  await closeMonth({ ctx: account.system(closedAt), input: { month } });
  const later = new Date(closedAt.getTime() + 25 * 3_600_000);
  await suspendOverdue({ ctx: account.system(later) });
  const [bill] = await db.select().from(bills).where(and(eq(bills.accountId, account.accountId), eq(bills.month, month)));
  if (!bill) throw new Error("no bill");
  return { account, bill, now: later };
}

export async function staffMember(db: Database, role: "support" | "admin", now: Date): Promise<ServiceContext> {
  const created = await createStaff({ ctx: { db, actor: { type: "system" }, now }, input: { email: uniqueEmail(`adj-${role}`), role, name: `${role} ${Math.random().toString(36).slice(2, 6)}` } });
  return { db, actor: { type: "staff", userId: created.userId, role }, now };
}

