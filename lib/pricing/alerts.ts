import type { ProductId } from "./catalog/products";
import { SCAN_ONE_PACK_CONDITION_APPLIES_TO_ZERO } from "./readings";

/**
 * SPEC §5 default thresholds, in percent of a pack's size; 0 means "exhausted".
 * scan: below 20% and 0; body: below 15% and 0; others: the documents set none, so 20% and 0.
 */
export const DEFAULT_ALERT_THRESHOLDS: Readonly<Record<ProductId, readonly number[]>> = {
  scan: [20, 0],
  recognition: [20, 0],
  processing: [20, 0],
  body: [15, 0],
};

function isBelow(remaining: number, size: number, percent: number): boolean {
  // remaining / size < percent / 100, in integers: no float on the boundary.
  return remaining * 100 < percent * size;
}

function isCrossed(threshold: number, before: number, after: number, size: number): boolean {
  if (threshold === 0) return before > 0 && after === 0;
  return !isBelow(before, size, threshold) && isBelow(after, size, threshold);
}

/**
 * The thresholds (percent; 0 = exhausted) a pack crosses when its remaining goes from
 * `previousRemaining` to `remaining`, in the order given. Each threshold is crossed at
 * most once per pack, since remaining only falls, so "once per pack and threshold"
 * (SPEC §5) follows. `thresholds` overrides the product default (customers may change them).
 * For scan, a non-zero threshold alerts only while the product has exactly one usable pack
 * left, counting this one (Reading SCAN_LOW_ALERT_ONLY_WITH_ONE_PACK). A draw that crosses a low
 * threshold and 0 at once gives only 0 (the pack is used up, not running low).
 */
export function alertsCrossed(input: {
  readonly product: ProductId;
  readonly size: number;
  readonly previousRemaining: number;
  readonly remaining: number;
  /** Usable packs of the product after the draw, counting this one even if just exhausted. */
  readonly usablePacksOfProduct: number;
  readonly thresholds?: readonly number[];
}): number[] {
  const thresholds = input.thresholds ?? DEFAULT_ALERT_THRESHOLDS[input.product];
  const onePackLeft = input.usablePacksOfProduct === 1;
  const crossed = thresholds.filter((threshold) => {
    if (!isCrossed(threshold, input.previousRemaining, input.remaining, input.size)) return false;
    if (input.product !== "scan" || onePackLeft) return true;
    return threshold === 0 && !SCAN_ONE_PACK_CONDITION_APPLIES_TO_ZERO;
  });
  // A pack that goes from above the low threshold to 0 in one draw is used up: "running low, 0 left"
  // next to "used up" at the same instant says one thing twice, so only the used-up alert goes.
  return crossed.includes(0) ? [0] : crossed;
}
