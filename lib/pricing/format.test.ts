import { describe, expect, it } from "vitest";
import { Dec } from "./decimal";
import fc from "fast-check";
import { formatCount, formatMoney, formatMoneyGrouped, formatUnitPrice, formatYuan } from "./format";
import { yuanText } from "./money-text";
import { lineAmount, roundLineAmount, sumAmounts } from "./money";

describe("money and count formats (SPEC §1)", () => {
  it("yuanText (no decimal.js, for the browser) writes a server's two-decimal string as formatYuan does", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
        const fixed = formatMoney(new Dec(cents.toString()).div(100));
        expect(yuanText(fixed)).toBe(formatYuan(fixed));
      }),
    );
    expect(() => yuanText("12.5")).toThrow(RangeError);
  });
  it("shows yuan with a sign, separators and two decimals", () => {
    expect(formatYuan("4997.5")).toBe("¥4,997.50");
    expect(formatYuan("0")).toBe("¥0.00");
    expect(formatYuan("1250000")).toBe("¥1,250,000.00");
    expect(formatYuan("-12")).toBe("-¥12.00");
  });

  it("writes counts with thousands separators", () => {
    expect(formatCount(2_000_000)).toBe("2,000,000");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1_000)).toBe("1,000");
    expect(formatCount(1_000_000_000_000)).toBe("1,000,000,000,000");
    expect(() => formatCount(1.5)).toThrow(RangeError);
  });

  it("writes money strings with exactly two decimals, rounding half-up", () => {
    expect(formatMoney("4997.5")).toBe("4997.50");
    expect(formatMoney("7")).toBe("7.00");
    expect(formatMoney("0.005")).toBe("0.01");
    expect(formatMoney("1.234")).toBe("1.23");
    expect(formatMoneyGrouped("24493")).toBe("24,493.00");
  });

  it("keeps unit prices at their published precision without trailing zeros", () => {
    expect(formatUnitPrice(new Dec("2.5").dividedBy(1000))).toBe("0.0025");
    expect(formatUnitPrice("0.120")).toBe("0.12");
    expect(formatUnitPrice(new Dec("75").dividedBy(1000))).toBe("0.075");
  });

  it("rounds each line half-up to 0.01 once and sums rounded lines", () => {
    expect(roundLineAmount(new Dec("0.125")).toFixed(2)).toBe("0.13");
    expect(roundLineAmount(new Dec("0.124999")).toFixed(2)).toBe("0.12");
    expect(lineAmount(1, new Dec("0.0025")).toFixed(2)).toBe("0.00");
    expect(lineAmount(2, new Dec("0.0025")).toFixed(2)).toBe("0.01");
    expect(sumAmounts([lineAmount(2, new Dec("0.0025")), lineAmount(2, new Dec("0.0025"))]).toFixed(2)).toBe("0.02");
  });
});
