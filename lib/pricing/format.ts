import { Dec, toDec, type MoneyInput } from "./decimal";
import { groupMoneyText } from "./money-text";

// The decimal-free half (counts, grouping a fixed money string) lives in money-text.ts, which
// browser code imports so that decimal.js stays out of pages that only show server-computed money.
export { formatCount, groupMoneyText, yuanText } from "./money-text";

/**
 * Money as a plain string with exactly two decimals: `4997.50` (QUOTE.md money values).
 * An amount with more decimals is rounded half-up (SPEC §1). An already-rounded amount,
 * the usual case, is written by padding its plain digits, which costs a fraction of
 * `toFixed(2)` in the monthly quote's hot path.
 */
export function formatMoney(amount: MoneyInput): string {
  const value = toDec(amount);
  if (value.decimalPlaces() > 2) return value.toFixed(2, Dec.ROUND_HALF_UP);
  const plain = value.toFixed();
  const dot = plain.indexOf(".");
  if (dot === -1) return `${plain}.00`;
  return plain.length - dot === 2 ? `${plain}0` : plain;
}

/** Money with two decimals and thousands separators, no currency sign: `4,997.50`. */
export function formatMoneyGrouped(amount: MoneyInput): string {
  return groupMoneyText(formatMoney(amount));
}

/** Money for people: `¥4,997.50`; a negative balance reads `-¥12.00` (SPEC §1). */
export function formatYuan(amount: MoneyInput): string {
  const grouped = formatMoneyGrouped(amount);
  return grouped.startsWith("-") ? `-¥${grouped.slice(1)}` : `¥${grouped}`;
}

/**
 * A unit price at its published precision, no trailing zeros: `0.0025`, `0.12`, `0.075`
 * (SPEC §1: unit prices keep their published precision; 2.5 元/1,000 calls = 0.0025).
 */
export function formatUnitPrice(unitPrice: MoneyInput): string {
  return toDec(unitPrice).toFixed();
}
