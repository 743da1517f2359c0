import "server-only";
import type { alertThresholds } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { notify } from "@/lib/messaging/notify";
import { APIS, alertsCrossed, DEFAULT_ALERT_THRESHOLDS, formatCount, type ProductId } from "@/lib/pricing";
import type { BatchDrawResult } from "@/lib/packs/draw-batch";
import { packApisFor } from "@/lib/packs/draw";

type ThresholdRow = typeof alertThresholds.$inferSelect;

/** The thresholds in force for a product: the customer's low threshold, if set, and always 0 (SPEC §5). */
export function thresholdsFor(product: ProductId, custom: ThresholdRow[]): number[] {
  const chosen = custom.find((row) => row.product === product);
  return chosen ? [chosen.lowPercent, 0] : [...DEFAULT_ALERT_THRESHOLDS[product]];
}

/**
 * The pack `api` values that serve the same calls as a pack of `packApi`: the packs of every API
 * that draws from it (its own API, or each API of a shared free pool). "The service" of seed 000's
 * "当该服务仅剩一个可用资源包" is read per API, so scan's five-year barcode-lookup grant never hides
 * the alert of a QR-code pack.
 */
export function packApisOfService(packApi: string): string[] {
  const callers = APIS.filter((api) => packApisFor(api.id).includes(packApi)).map((api) => api.id);
  return [...new Set([packApi, ...callers.flatMap((api) => packApisFor(api))])];
}

function usableOfService(drawn: BatchDrawResult, packApi: string): number {
  return packApisOfService(packApi).reduce((sum, api) => sum + (drawn.usablePacksByApi.get(api) ?? 0), 0);
}

/**
 * Sends the alerts a batch's draws crossed, once per pack and threshold (the dedupe key holds it;
 * a free pack is the month's, so its alerts go once per month and level).
 * Reading FREE_PACK_IS_A_PACK (seeds 000 and 003 call the monthly quota a 免费资源包): the free
 * pack counts as a resource pack. It alerts at its product's thresholds (scan 20% and 0, body 15%
 * and 0, the others 20% and 0, or the customer's) only while it is the last usable pack of its
 * service — the warning that postpaid billing is next; a free pack used up while a bought or gift
 * pack takes over says nothing. Free packs also count among "the packs left" for scan's
 * one-pack rule.
 */
export async function packAlerts(ctx: ServiceContext, accountId: string, drawn: BatchDrawResult, loadThresholds: () => Promise<ThresholdRow[]>): Promise<number> {
  if (drawn.changes.length === 0) return 0;
  let custom: ThresholdRow[] | null = null;
  let sent = 0;
  for (const change of drawn.changes) {
    const stillUsable = usableOfService(drawn, change.api);
    const usablePacks = change.remaining === 0 ? stillUsable + 1 : stillUsable;
    if (change.source === "free" && usablePacks !== 1) continue;
    custom ??= await loadThresholds();
    const crossed = alertsCrossed({
      product: change.product,
      size: change.size,
      previousRemaining: change.remainingBefore,
      remaining: change.remaining,
      usablePacksOfProduct: usablePacks,
      thresholds: thresholdsFor(change.product, custom),
    });
    for (const threshold of crossed) {
      const percent = Math.floor((change.remaining * 100) / change.size);
      const isNew = await notify(ctx, {
        accountId,
        kind: threshold === 0 ? "pack-exhausted" : "pack-low",
        product: change.product,
        params: { pack: change.api, size: formatCount(change.size), remaining: formatCount(change.remaining), percent, threshold, ...(change.source === "free" ? { free: 1 } : {}) },
        dedupeKey: `pack-alert:${change.packId}:${threshold}`,
      });
      if (isNew) sent += 1;
    }
  }
  return sent;
}
