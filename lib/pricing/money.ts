import { Dec } from "./decimal";

/**
 * SPEC §1: each bill line (and each purchase line) is rounded half-up to 0.01, once;
 * totals are sums of rounded lines. This is the only place that rounds money.
 */
export function roundLineAmount(exact: Dec): Dec {
  return exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** The amount of `count` units at `unitPrice`, rounded per SPEC §1. */
export function lineAmount(count: number, unitPrice: Dec): Dec {
  return roundLineAmount(unitPrice.times(count));
}

/** Sum of already-rounded amounts (a bill's total, SPEC §1). */
export function sumAmounts(amounts: readonly Dec[]): Dec {
  let total = new Dec(0);
  for (const amount of amounts) total = total.plus(amount);
  return total;
}
