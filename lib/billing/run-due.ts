import "server-only";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { accounts, monthCloses, packs, serviceActivations } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { configuredSenders, type ChannelSender } from "@/lib/messaging/channels";
import { deliverDue, type DeliveryReport } from "@/lib/messaging/deliver";
import { issueFreePacks } from "@/lib/packs/free-packs";
import { FIRST_PRICED_MONTH, monthOf, nextMonth, previousMonth, type Month } from "@/lib/pricing";
import { ensureMonthPartitions } from "@/lib/metering/partitions";
import type { DeliveryChannel } from "@/db/schema";
import { renewDueQps } from "@/lib/purchases/auto-renew";
import { renewDueLicences } from "@/lib/purchases/licence-auto-renew";
import { lapseEndedQps } from "@/lib/quota/lapse";
import { sendRenewalReminders } from "@/lib/quota/reminders";
import { evaluateSpendAlerts, type SpendAlertReport } from "@/lib/budgets/evaluate";
import { closeExpiredTopUps } from "@/lib/wallet/close-top-ups";
import { paymentProvider } from "@/lib/wallet/providers";
import { suspendOverdue } from "./arrears";
import { closeMonth, type CloseReport } from "./close";
import { closeDueAt, closeGraceMs } from "./close-grace";

export interface RunDueReport {
  at: string;
  freePacks: { month: string; accounts: number; issued: number };
  close: CloseReport | null;
  suspended: number;
  qpsLapsed: number;
  /** Monthly QPS auto-renewed this run, and renewals refused (a short balance says so once). */
  qpsRenewed: number;
  qpsRenewFailed: number;
  /** Formal offline-SDK licences auto-renewed this run (from 3 days before they end), and renewals refused. */
  licencesRenewed: number;
  licenceRenewFailed: number;
  reminders: number;
  spendAlerts: SpendAlertReport;
  deliveries: DeliveryReport;
  /** Unpaid Alipay top-ups past their time, closed at Alipay and here (docs/payments.md). */
  topUpsClosed: { closed: number; paidAtProvider: number; failed: number };
}

function hasPriceBook(month: Month): boolean {
  return month >= FIRST_PRICED_MONTH;
}

/**
 * The month's free packs for every account with an active product that has none yet (SPEC §2.2):
 * cheap once done, since only accounts still missing them are visited. Suspended and disabled
 * accounts are skipped (they get none while in that state).
 */
export async function issueDueFreePacks({ ctx, input }: { ctx: ServiceContext; input: { month?: Month } }): Promise<{ month: string; accounts: number; issued: number }> {
  const month = input.month ?? monthOf(ctx.now);
  if (!hasPriceBook(month)) return { month, accounts: 0, issued: 0 };
  const missing = await ctx.db
    .selectDistinct({ id: accounts.id })
    .from(accounts)
    .innerJoin(serviceActivations, eq(serviceActivations.accountId, accounts.id))
    .where(
      and(
        inArray(accounts.status, ["active", "arrears"]),
        sql`not exists (select 1 from ${packs} where ${packs.accountId} = ${accounts.id} and ${packs.freeMonth} = ${month} and ${isNotNull(packs.freeMonth)})`,
      ),
    );
  let issued = 0;
  for (const account of missing) issued += (await issueFreePacks({ ctx, input: { accountId: account.id, month } })).issued;
  return { month, accounts: missing.length, issued };
}

/**
 * Everything due at `ctx.now` (API.md §2 `run-due`): this month's free packs, the previous month's
 * close once the month has ended and its grace has passed (CLOSE_GRACE, issue 22: late events are
 * accepted until the close starts; SPEC §7: between the 1st and the 3rd; any later run catches up, and
 * a close already started is resumed at once),
 * arrears older than 24 hours → suspension, monthly QPS with auto-renew on renewed in its last hour
 * (lib/purchases/auto-renew.ts), formal offline-SDK licences with auto-renew on renewed from 3 days
 * before they end (lib/purchases/licence-auto-renew.ts), QPS groups whose QPS has all ended back to call
 * billing, renewal reminders (lib/quota/reminders.ts), budget and balance alerts (lib/budgets), and the outbox's due deliveries. Each step is idempotent,
 * so running it every minute, twice, or after a crash is safe. Pack expiry needs no job: a pack's
 * status is derived from its expiry when read.
 */
export async function runDue({
  ctx,
  senders = configuredSenders(),
  graceMs = closeGraceMs(),
}: {
  ctx: ServiceContext;
  senders?: Partial<Record<DeliveryChannel, ChannelSender>>;
  /** CLOSE_GRACE by default; tests pass their own. */
  graceMs?: number;
}): Promise<RunDueReport> {
  // This month's and next month's partitions of usage_events, ahead of their first event.
  await ensureMonthPartitions(ctx.db, [monthOf(ctx.now), nextMonth(monthOf(ctx.now))]);
  const freePacks = await issueDueFreePacks({ ctx, input: {} });
  const previous = previousMonth(monthOf(ctx.now));
  let close: CloseReport | null = null;
  if (hasPriceBook(previous)) {
    const [done] = await ctx.db.select({ finishedAt: monthCloses.finishedAt }).from(monthCloses).where(eq(monthCloses.month, previous));
    const due = done !== undefined || ctx.now >= closeDueAt(previous, graceMs);
    if (due && !done?.finishedAt) close = await closeMonth({ ctx, input: { month: previous } });
  }
  const { suspended } = await suspendOverdue({ ctx });
  // Renewals first: a grant renewed in its last hour never lapses.
  const renewals = await renewDueQps({ ctx });
  const licenceRenewals = await renewDueLicences({ ctx });
  const qps = await lapseEndedQps({ ctx });
  const reminders = await sendRenewalReminders({ ctx });
  // After the close, so a bill that takes a balance below its alert is seen in the same run.
  const spendAlerts = await evaluateSpendAlerts({ ctx });
  const deliveries = await deliverDue(ctx, senders);
  const alipay = paymentProvider("alipay");
  const topUpsClosed = alipay ? await closeExpiredTopUps({ ctx, provider: alipay }) : { closed: 0, paidAtProvider: 0, failed: 0 };
  return { at: ctx.now.toISOString(), freePacks, close, suspended, qpsLapsed: qps.switched, qpsRenewed: renewals.renewed, qpsRenewFailed: renewals.failed, licencesRenewed: licenceRenewals.renewed, licenceRenewFailed: licenceRenewals.failed, reminders: reminders.sent, spendAlerts, deliveries, topUpsClosed };
}
