import Decimal from "decimal.js";

/**
 * The one Decimal configuration of the pricing module (SPEC §1: compute money exactly).
 * High precision so that no intermediate product of a count (≤ 10^12) and a unit price
 * is ever rounded; ROUND_HALF_UP so that the single line rounding (money.ts) is half-up.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

export type Dec = Decimal;

/** A money amount given as a decimal string (`"4997.50"`) or an already-built Decimal. */
export type MoneyInput = string | Decimal;

export function toDec(value: MoneyInput): Decimal {
  return value instanceof Decimal ? value : new Dec(value);
}

export const ZERO = new Dec(0);
