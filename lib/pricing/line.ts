import type { ApiId } from "./catalog/products";
import type { Dec } from "./decimal";
import { formatCount, formatMoney, formatUnitPrice, groupMoneyText } from "./format";
import { lineAmount } from "./money";
import { FORMULA_TERM_ORDER } from "./readings";

export interface LineCounts {
  readonly calls: number;
  readonly free: number;
  readonly fromPacks: number;
}

/** A month's calls of one API and how many free calls and packs covered (SPEC §2.5). */
export interface DrawnUsage extends LineCounts {
  readonly api: ApiId;
}

/**
 * A month's line of one API in the quote command's shape (QUOTE.md): the one usage-line type of
 * quotes, running estimates, bills and their JSON. `Api` is `string` where the line is read back
 * from the database (a bill keeps the id it was priced under).
 */
export interface UsageLine<Api extends string = ApiId> {
  readonly api: Api;
  readonly calls: number;
  readonly free: number;
  readonly fromPacks: number;
  readonly billable: number;
  readonly tier: number;
  /** The tier's unit price as text, `0.0025`. */
  readonly unitPrice: string;
  /** Two decimals, `4997.50`. */
  readonly amount: string;
  readonly formula: string;
}

export interface PricedLine {
  readonly billable: number;
  readonly amount: Dec;
  /** `amount` with exactly two decimals, `4997.50`. */
  readonly amountText: string;
  /** The formula in words (SPEC §7.1), e.g. `(2,000,000 − 1,000) × 0.0025 = 4,997.50`. */
  readonly formula: string;
}

// U+2212 MINUS SIGN and U+00D7 MULTIPLICATION SIGN, as QUOTE.md writes formulas.
const MINUS = " \u2212 ";
const TIMES = " \u00d7 ";

/**
 * The formula text of a bill line; zero terms are left out (FORMULA_TERM_ORDER).
 * Takes the unit price and amount already formatted (`0.0025`, `4997.50`) so that the
 * monthly quote formats each number once.
 */
export function lineFormula(counts: LineCounts, unitPriceText: string, amountText: string): string {
  let subtracted = "";
  for (const term of FORMULA_TERM_ORDER) {
    const value = counts[term];
    if (value > 0) subtracted += MINUS + formatCount(value);
  }
  const calls = formatCount(counts.calls);
  const base = subtracted === "" ? calls : `(${calls}${subtracted})`;
  return `${base}${TIMES}${unitPriceText} = ${groupMoneyText(amountText)}`;
}

/**
 * The amount of one API's month: billable calls (not covered by free or packs) times the
 * unit price of the tier reached, rounded half-up to 0.01 once (SPEC §1, §2.3).
 */
export function priceLine(
  counts: LineCounts,
  unitPricePerCall: Dec,
  unitPriceText: string = formatUnitPrice(unitPricePerCall),
): PricedLine {
  const billable = counts.calls - counts.free - counts.fromPacks;
  if (billable < 0) throw new RangeError(`free + fromPacks exceed calls: ${JSON.stringify(counts)}`);
  const amount = lineAmount(billable, unitPricePerCall);
  const amountText = formatMoney(amount);
  return { billable, amount, amountText, formula: lineFormula(counts, unitPriceText, amountText) };
}
