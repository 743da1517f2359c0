import { Dec } from "@/lib/pricing";

/**
 * Splits an amount of whole cents over `parts` packs as evenly as possible: each gets the floor
 * of amount / parts in cents, and the leftover cents go one each to the first packs. The parts add
 * up to the amount exactly, so refunding every pack returns exactly what was paid (SPEC §4).
 */
export function allocateCents(amount: string, parts: number): Dec[] {
  const cents = new Dec(amount).times(100);
  if (!cents.isInteger() || cents.isNegative()) throw new RangeError(`not a non-negative amount in cents: ${amount}`);
  const base = cents.dividedToIntegerBy(parts);
  const leftover = cents.minus(base.times(parts)).toNumber(); // a count of cents below `parts`, not money
  return Array.from({ length: parts }, (_, i) => base.plus(i < leftover ? 1 : 0).dividedBy(100));
}
