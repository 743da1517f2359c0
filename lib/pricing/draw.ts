import { PricingError, showValue } from "./errors";
import { instantMs, type InstantInput } from "./months";

/** A prepaid pack the caller knows to be usable (not expired, not refunded, SPEC §2.5). */
export interface UsablePack {
  readonly id: string;
  readonly remaining: number;
  readonly expiresAt: InstantInput;
  /** When it was delivered; breaks ties between packs expiring at the same instant. */
  readonly deliveredAt: InstantInput;
}

export interface PackDraw {
  readonly id: string;
  readonly used: number;
  /** What the pack has left after this draw. */
  readonly remaining: number;
}

export interface CallDraw {
  readonly free: number;
  /** The packs drawn from, in drawing order; packs not drawn from are not listed. */
  readonly packs: readonly PackDraw[];
  readonly fromPacks: number;
  readonly billable: number;
}

/** A pack reduced to what drawing needs, already in drawing order. */
export interface OrderedPack {
  readonly id: string;
  remaining: number;
}

function requireCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PricingError("invalid-count", `${field} must be a non-negative integer, got ${showValue(value)}`);
  }
}

/**
 * SPEC §2.5 drawing order among packs: the one that expires first, ties the older purchase;
 * a stable sort keeps the caller's order for full ties.
 */
export function orderPacksForDrawing<T extends Pick<UsablePack, "expiresAt" | "deliveredAt">>(
  packs: readonly T[],
): T[] {
  const keyed = packs.map((pack, index) => ({
    pack,
    index,
    expires: instantMs(pack.expiresAt, "expiresAt"),
    delivered: instantMs(pack.deliveredAt, "deliveredAt"),
  }));
  keyed.sort((a, b) => a.expires - b.expires || a.delivered - b.delivered || a.index - b.index);
  return keyed.map((entry) => entry.pack);
}

/**
 * Takes `calls` from free, then from packs in the given order, then postpaid (SPEC §2.5).
 * Mutates `packs[i].remaining`; this is the hot path of the monthly quote.
 */
export function drawFromOrdered(
  calls: number,
  freeRemaining: number,
  packs: readonly OrderedPack[],
): CallDraw {
  const free = Math.min(calls, freeRemaining);
  let left = calls - free;
  const draws: PackDraw[] = [];
  for (const pack of packs) {
    if (left === 0) break;
    if (pack.remaining <= 0) continue;
    const used = Math.min(left, pack.remaining);
    pack.remaining -= used;
    left -= used;
    draws.push({ id: pack.id, used, remaining: pack.remaining });
  }
  return { free, packs: draws, fromPacks: calls - free - left, billable: left };
}

/**
 * Draws one metering event (or a month's calls; the rule is the same): how many calls come
 * from the free pack, which packs give how many, and how many are billable postpaid.
 * The caller passes only usable packs; their order does not matter.
 */
export function drawCalls(input: {
  readonly calls: number;
  readonly freeRemaining: number;
  readonly packs: readonly UsablePack[];
}): CallDraw {
  requireCount(input.calls, "calls");
  requireCount(input.freeRemaining, "freeRemaining");
  input.packs.forEach((pack, i) => requireCount(pack.remaining, `packs[${i}].remaining`));
  const ordered = orderPacksForDrawing(input.packs).map((pack) => ({ id: pack.id, remaining: pack.remaining }));
  return drawFromOrdered(input.calls, input.freeRemaining, ordered);
}

/** How a month's calls of one API split into free, packs and billable (SPEC §2.3, §2.5). */
export const splitMonthCalls = drawCalls;
