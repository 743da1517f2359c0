/**
 * Money and counts as text without decimal.js: for browser code that shows figures the server
 * already computed (money arrives as a string with two decimals, never a float). format.ts re-exports
 * these; code that does arithmetic uses format.ts and Dec.
 */

/** Thousands separators on a string of digits (no sign, no decimals). */
function groupDigits(digits: string): string {
  let out = "";
  const lead = digits.length % 3;
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (i - lead) % 3 === 0) out += ",";
    out += digits.charAt(i);
  }
  return out;
}

/** A call count with thousands separators: `2,000,000` (SPEC §1). */
export function formatCount(count: number): string {
  if (!Number.isSafeInteger(count)) throw new RangeError(`not an integer count: ${count}`);
  return count < 0 ? `-${groupDigits(String(-count))}` : groupDigits(String(count));
}

/** Adds thousands separators to a money string that formatMoney produced. */
export function groupMoneyText(fixed: string): string {
  const negative = fixed.startsWith("-");
  const unsigned = negative ? fixed.slice(1) : fixed;
  const dot = unsigned.indexOf(".");
  const grouped = `${groupDigits(unsigned.slice(0, dot))}${unsigned.slice(dot)}`;
  return negative ? `-${grouped}` : grouped;
}

const FIXED_MONEY = /^-?\d+\.\d{2}$/;

/** `formatYuan` for a money string that already has two decimals ("4997.50" → "¥4,997.50", "-12.00" → "-¥12.00"). */
export function yuanText(fixed: string): string {
  if (!FIXED_MONEY.test(fixed)) throw new RangeError(`not a two-decimal money string: ${fixed}`);
  const grouped = groupMoneyText(fixed);
  return grouped.startsWith("-") ? `-¥${grouped.slice(1)}` : `¥${grouped}`;
}
