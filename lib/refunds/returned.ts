import { Dec } from "@/lib/pricing";

export type RefundBalance = "cash" | "income" | "gift";

/**
 * The balances a refund went back to, in the order SPEC §5.4 pays them out, leaving out those it
 * returned nothing to; a refund that returned nothing anywhere reads as cash ¥0.00, not as blank.
 */
export function returnedParts(refund: { returnedCash: string; returnedIncome: string; returnedGift: string }): [RefundBalance, string][] {
  const parts: [RefundBalance, string][] = [
    ["cash", refund.returnedCash],
    ["income", refund.returnedIncome],
    ["gift", refund.returnedGift],
  ];
  const nonZero = parts.filter(([, amount]) => !new Dec(amount).isZero());
  return nonZero.length > 0 ? nonZero : [["cash", refund.returnedCash]];
}
