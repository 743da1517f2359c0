import "server-only";
import type { ServiceContext } from "@/lib/context";
import { DEFAULT_ALERT_THRESHOLDS } from "@/lib/pricing";
import { listThresholds } from "./thresholds";
import { listPacks, type PackView } from "@/lib/packs/list";

/** How far ahead the overview warns of a pack's expiry (issue 6: "packs expiring within 30 days"). */
export const EXPIRY_WARNING_DAYS = 30;

export interface PackAttention {
  pack: PackView;
  expiringInDays: number | null;
  /** Remaining as a whole percent of the size, and the product's alert threshold when below it (SPEC §5). */
  percentLeft: number;
  lowThreshold: number | null;
}

/**
 * The usable prepaid packs that need the customer's eye: expiring within 30 days (what is left at
 * expiry is void, SPEC §2.4) or below the product's low-remaining alert threshold (SPEC §5, as the
 * customer set it). Free packs are left out: they last the month by design. Soonest expiry first.
 */
export async function packsNeedingAttention({ ctx }: { ctx: ServiceContext }): Promise<PackAttention[]> {
  const [packs, thresholds] = await Promise.all([listPacks({ ctx, filters: { status: "active" } }), listThresholds({ ctx })]);
  const lowOf = new Map(thresholds.map((t) => [t.product, t.lowPercent]));
  const horizon = ctx.now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000;
  return packs
    .filter((pack) => pack.source !== "free")
    .flatMap((pack): PackAttention[] => {
      const expiring = pack.expiresAt.getTime() <= horizon;
      // Integer arithmetic on counts: remaining × 100 < threshold × size, no rounding to argue about.
      const threshold = lowOf.get(pack.product) ?? DEFAULT_ALERT_THRESHOLDS[pack.product][0] ?? 20;
      const low = pack.remaining * 100 < threshold * pack.size;
      if (!expiring && !low) return [];
      return [
        {
          pack,
          expiringInDays: expiring ? Math.max(0, Math.ceil((pack.expiresAt.getTime() - ctx.now.getTime()) / 86_400_000)) : null,
          percentLeft: Math.floor((pack.remaining * 100) / pack.size),
          lowThreshold: low ? threshold : null,
        },
      ];
    })
    .sort((a, b) => a.pack.expiresAt.getTime() - b.pack.expiresAt.getTime());
}
