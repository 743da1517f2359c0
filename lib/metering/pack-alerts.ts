import "server-only";
import type { alertThresholds } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { notify } from "@/lib/messaging/notify";
import { alertsCrossed, DEFAULT_ALERT_THRESHOLDS, formatCount, type ProductId } from "@/lib/pricing";
import type { BatchDrawResult } from "@/lib/packs/draw-batch";

type ThresholdRow = typeof alertThresholds.$inferSelect;

/** The thresholds in force for a product: the customer's low threshold, if set, and always 0 (SPEC §5). */
export function thresholdsFor(product: ProductId, custom: ThresholdRow[]): number[] {
  const chosen = custom.find((row) => row.product === product);
  return chosen ? [chosen.lowPercent, 0] : [...DEFAULT_ALERT_THRESHOLDS[product]];
}

/**
 * Sends the alerts a batch's draws crossed, once per pack and threshold (the dedupe key holds it).
 * Reading PREPAID_PACK_ALERTS_ONLY: alerts are about prepaid packs (bought or gift); the monthly
 * free pack has its own page and sends no alert.
 */
export async function packAlerts(ctx: ServiceContext, accountId: string, drawn: BatchDrawResult, loadThresholds: () => Promise<ThresholdRow[]>): Promise<number> {
  const prepaid = drawn.changes.filter((change) => change.source !== "free");
  if (prepaid.length === 0) return 0;
  const custom = await loadThresholds();
  let sent = 0;
  for (const change of prepaid) {
    const stillUsable = drawn.usablePrepaidPacks.get(change.product) ?? 0;
    const crossed = alertsCrossed({
      product: change.product,
      size: change.size,
      previousRemaining: change.remainingBefore,
      remaining: change.remaining,
      usablePacksOfProduct: change.remaining === 0 ? stillUsable + 1 : stillUsable,
      thresholds: thresholdsFor(change.product, custom),
    });
    for (const threshold of crossed) {
      const percent = Math.floor((change.remaining * 100) / change.size);
      const isNew = await notify(ctx, {
        accountId,
        kind: threshold === 0 ? "pack-exhausted" : "pack-low",
        product: change.product,
        params: { pack: change.api, size: formatCount(change.size), remaining: formatCount(change.remaining), percent, threshold },
        dedupeKey: `pack-alert:${change.packId}:${threshold}`,
      });
      if (isNew) sent += 1;
    }
  }
  return sent;
}
