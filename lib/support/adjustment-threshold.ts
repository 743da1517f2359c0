import { Dec } from "@/lib/pricing";

/** Issue 22 part 2: adjustments above ¥1,000.00 wait for an admin's approval by default. */
export const ADJUSTMENT_APPROVAL_THRESHOLD_DEFAULT = "1000.00";

/**
 * ADJUSTMENT_APPROVAL_THRESHOLD, parsed strictly: unset or empty → ¥1,000.00; otherwise an amount of
 * yuan ≥ 0 with at most two decimals (`0` sends every adjustment to an admin). Anything else is
 * refused with an error naming the variable.
 */
export function parseApprovalThreshold(raw: string | undefined): Dec {
  if (raw === undefined || raw.trim() === "") return new Dec(ADJUSTMENT_APPROVAL_THRESHOLD_DEFAULT);
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(raw.trim())) throw new Error(`ADJUSTMENT_APPROVAL_THRESHOLD: expected an amount of yuan such as 1000 or 1000.00; got "${raw}"`);
  return new Dec(raw.trim());
}

export function approvalThreshold(env: Record<string, string | undefined> = process.env): Dec {
  return parseApprovalThreshold(env.ADJUSTMENT_APPROVAL_THRESHOLD);
}
