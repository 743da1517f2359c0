import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { apiKeys, packs, users } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { closeMonth } from "@/lib/billing/close";
import { DEMO_COMPANY, DEMO_EMAIL } from "@/lib/identity/demo";
import { signUp } from "@/lib/identity/sign-up";
import { createApiKey } from "@/lib/metering/api-keys";
import { reportUsage } from "@/lib/metering/report-usage";
import { parseUsageRequest } from "@/lib/metering/usage-request";
import { activateProduct } from "@/lib/packs/activation";
import { issueFreePacks } from "@/lib/packs/free-packs";
import { Dec, monthOf, monthStart, nextMonth, previousMonth, type Month } from "@/lib/pricing";
import { DEMO_MONTHS, demoMonthDays, demoMonthEnd, demoRandom } from "./usage";
import { purchase } from "@/lib/purchases/purchase";
import { requestRefund } from "@/lib/refunds/request";
import { getWallet } from "@/lib/wallet/balance";
import { creditAccount } from "@/lib/wallet/credit";

const DAY = 86_400_000;
const HOUR = 3_600_000;
export { DEMO_MONTHS };

export interface SeedReport {
  created: boolean;
  email: string;
  password: string | null;
  accountId: string;
  months: number;
  events: number;
}

/**
 * A demo company with two years of history, made through the real paths (API.md §2 `seed-demo`):
 * activation, money credited, packs bought and one refunded, usage reported through the metering
 * service day by day, every month closed by the monthly close, alerts fired by real draws, and one
 * month in arrears settled by a transfer a few hours later. Idempotent: once the demo exists it is
 * left alone. The login is written to the data folder so `npm start` can print it.
 */
export async function seedDemo({ ctx, dataDir }: { ctx: ServiceContext; dataDir: string }): Promise<SeedReport> {
  const [existing] = await ctx.db.select({ accountId: users.accountId }).from(users).where(eq(users.email, DEMO_EMAIL));
  if (existing?.accountId) return { created: false, email: DEMO_EMAIL, password: null, accountId: existing.accountId, months: 0, events: 0 };

  const rand = demoRandom();
  const now = ctx.now;
  const current = monthOf(now);
  let month: Month = current;
  for (let i = 0; i < DEMO_MONTHS; i++) month = previousMonth(month);
  const start = new Date(monthStart(month).getTime() + 2 * DAY + 10 * HOUR);
  const at = (instant: Date): ServiceContext => ({ ...ctx, now: instant });

  const password = `demo-${randomBytes(6).toString("hex")}`;
  const { accountId, userId } = await signUp({ ctx: at(start), input: { email: DEMO_EMAIL, password, company: DEMO_COMPANY } });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, "demo-login.json"), JSON.stringify({ email: DEMO_EMAIL, password }, null, 2), { mode: 0o600 });

  const customer = (instant: Date): ServiceContext => ({ db: ctx.db, actor: { type: "customer", userId, accountId }, now: instant });
  for (const product of ["scan", "recognition", "processing", "body"] as const) await activateProduct({ ctx: customer(start), input: { product, acceptTerms: true } });
  const { key } = await createApiKey({ ctx: customer(start), input: { name: "Production gateway" } });
  const gateway = (instant: Date): ServiceContext => ({ db: ctx.db, actor: { type: "api-key", keyId: key.id, accountId }, now: instant });
  const credit = (instant: Date, amount: string, reason: string) => creditAccount({ ctx: at(instant), input: { accountId, amount, to: "cash", reason } });
  await credit(start, "12000.00", "Opening transfer from Demo Retail's bank account");
  await creditAccount({ ctx: at(start), input: { accountId, amount: "500.00", to: "gift", reason: "Welcome gift" } });

  let events = 0;
  let lastReport: Date | null = null;
  for (let index = 0; index <= DEMO_MONTHS; index++) {
    const first = monthStart(month);
    if (index > 0) {
      const closeAt = new Date(first.getTime() + 10 * 60_000);
      await closeMonth({ ctx: at(closeAt), input: { month: previousMonth(month) } });
      await issueFreePacks({ ctx: at(closeAt), input: { accountId, month } });
      const wallet = await getWallet({ ctx: customer(closeAt) });
      // Month 16's transfer comes late: the close of month 15 left the balance negative (arrears)
      // and this transfer, a few hours later, settles it before the 24-hour suspension.
      const transferAt = index === 16 ? new Date(closeAt.getTime() + 5 * HOUR) : new Date(closeAt.getTime() + 2 * HOUR);
      if (index !== 15) {
        const spendable = new Dec(wallet.cash).plus(wallet.income).plus(wallet.gift);
        const target = new Dec(9000 + index * 450);
        const amount = Dec.max(target.minus(spendable), 1000).toDecimalPlaces(0);
        await credit(transferAt, amount.toFixed(2), "Monthly transfer from Demo Retail's bank account");
      }
    }
    if (index === 3) await purchase({ ctx: customer(new Date(first.getTime() + 2 * DAY + 9 * HOUR)), input: { item: "scan.code-recognition:100k", quantity: 1, idempotencyKey: "demo-scan-100k" } });
    if (index === 9) await purchase({ ctx: customer(new Date(first.getTime() + 4 * DAY + 9 * HOUR)), input: { item: "body.detection:1m", quantity: 1, idempotencyKey: "demo-body-1m" } });
    if (index === DEMO_MONTHS - 1 || index === 11) {
      // Bought by mistake and refunded, unused, within the 7 days (SPEC §4).
      const boughtAt = new Date(first.getTime() + 5 * DAY + 11 * HOUR);
      const bought = await purchase({ ctx: customer(boughtAt), input: { item: "recognition.vehicle-enhanced:10k", quantity: 1, idempotencyKey: `demo-vehicle-${index}` } });
      const [pack] = await ctx.db.select({ id: packs.id }).from(packs).where(and(eq(packs.accountId, accountId), eq(packs.purchaseId, bought.purchaseId)));
      if (index === 11 && pack) await requestRefund({ ctx: customer(new Date(boughtAt.getTime() + 2 * DAY)), input: { packId: pack.id } });
    }
    for (const { when, calls } of demoMonthDays(rand, month, index, demoMonthEnd(month, index, now))) {
      const batch = Object.entries(calls).map(([api, count], i) => ({ id: `demo-${when.toISOString().slice(0, 10)}-${i}`, api, calls: count, at: when.toISOString() }));
      await reportUsage({ ctx: gateway(when), input: { events: parseUsageRequest({ events: batch }) } });
      events += batch.length;
      lastReport = when;
    }
    if (index < DEMO_MONTHS) month = nextMonth(month);
  }
  // The gateway reported through this key: its "last used" says so, as an HTTP report would have set it.
  if (lastReport) await ctx.db.update(apiKeys).set({ lastUsedAt: lastReport }).where(eq(apiKeys.id, key.id));
  // Two years written in one go: statistics for what was just filled, so the first pages plan well.
  await ctx.db.execute(sql`analyze`);
  return { created: true, email: DEMO_EMAIL, password, accountId, months: DEMO_MONTHS, events };
}
