import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { licences, serviceActivations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { addShanghaiMonths, ONE_TIME_ITEMS, SCAN_SDK_TRIAL_MONTHS } from "@/lib/pricing";
import type { OfflineTrialInput, ScanSdkTrialInput } from "./schemas";

const OFFLINE_TRIAL_DAYS = ONE_TIME_ITEMS.find((item) => item.id === "body.offline-sdk:trial")?.validDays ?? 60;

async function requireActive(ctx: ServiceContext, accountId: string, product: string): Promise<void> {
  const [row] = await ctx.db.select().from(serviceActivations).where(and(eq(serviceActivations.accountId, accountId), eq(serviceActivations.product, product)));
  if (!row) throw new ConflictError("not-activated", { product });
}

/** SPEC §2.7: the scanning SDK's 3-month free trial, once per account (the unique trial index enforces it). */
export async function startScanSdkTrial({ ctx, input }: { ctx: ServiceContext; input: ScanSdkTrialInput }): Promise<{ licenceId: string; endsAt: Date }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await requireActive(tx, accountId, "scan");
    const endsAt = addShanghaiMonths(tx.now, SCAN_SDK_TRIAL_MONTHS);
    const [row] = await tx.db
      .insert(licences)
      .values({
        accountId,
        kind: "scan-sdk-trial",
        appName: input.app.name,
        iosBundleId: input.app.iosBundleId,
        androidPackage: input.app.androidPackage,
        startsAt: tx.now,
        endsAt,
        createdAt: tx.now,
      })
      .onConflictDoNothing()
      .returning({ id: licences.id });
    if (!row) throw new ConflictError("trial-already-used");
    await recordAudit(tx, { action: "licence.trial-started", accountId, target: row.id, after: { kind: "scan-sdk-trial", app: input.app, endsAt: endsAt.toISOString() } });
    return { licenceId: row.id, endsAt };
  });
}

/** SPEC §2.7: the body offline-SDK trial: 60 days, at most 4 devices (their ids recorded), once per account. */
export async function startOfflineSdkTrial({ ctx, input }: { ctx: ServiceContext; input: OfflineTrialInput }): Promise<{ licenceId: string; endsAt: Date }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await requireActive(tx, accountId, "body");
    const endsAt = new Date(tx.now.getTime() + OFFLINE_TRIAL_DAYS * 24 * 60 * 60 * 1000);
    const [row] = await tx.db
      .insert(licences)
      .values({ accountId, kind: "offline-sdk-trial", deviceIds: input.deviceIds, startsAt: tx.now, endsAt, createdAt: tx.now })
      .onConflictDoNothing()
      .returning({ id: licences.id });
    if (!row) throw new ConflictError("trial-already-used");
    await recordAudit(tx, { action: "licence.trial-started", accountId, target: row.id, after: { kind: "offline-sdk-trial", deviceIds: input.deviceIds, endsAt: endsAt.toISOString() } });
    return { licenceId: row.id, endsAt };
  });
}

/**
 * The account's licences, newest first. `renewable`: a formal offline-SDK licence (bought from a quote)
 * that has not ended may be set to auto-renew (issue 22, lib/purchases/licence-auto-renew.ts); trials
 * are never renewed and a bought scan.sdk is forever.
 */
export async function listLicences({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db.select().from(licences).where(eq(licences.accountId, accountOf(ctx.actor))).orderBy(desc(licences.createdAt));
  return rows.map((row) => ({ ...row, renewable: row.kind === "offline-sdk-formal" && row.purchaseId !== null && row.endsAt !== null && row.endsAt > ctx.now }));
}
