import type { Translate } from "@/lib/i18n/translate";
import { tierRange } from "@/lib/billing/tier-range";
import { formatCount, isApiId } from "@/lib/pricing";

/**
 * Why a line's tier applies, in words (SPEC §2.3, §7.1): the month's total calls, the tier's bounds
 * as whole calls (exclusive bounds already turned inclusive), and the price every billed call gets.
 */
export function tierReason(t: Translate, line: { api: string; calls: number; billable: number; tier: number; unitPrice: string }): string {
  if (!isApiId(line.api)) return "";
  const range = tierRange(line.api, line.tier);
  const rangeText =
    range.to === null
      ? t("bill.range.from", { from: formatCount(range.from) })
      : range.from === 0
        ? t("bill.range.upTo", { to: formatCount(range.to) })
        : t("bill.range.between", { from: formatCount(range.from), to: formatCount(range.to) });
  const params = { calls: formatCount(line.calls), tier: line.tier, range: rangeText, price: line.unitPrice };
  return t(line.billable === 0 ? "bill.why.covered" : "bill.why", params);
}
