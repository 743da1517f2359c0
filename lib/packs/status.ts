/** A pack's status at an instant, derived from its columns (never stored, so it can't drift). */
export type PackStatus = "active" | "exhausted" | "expired" | "refunded" | "refund-pending";

export const PACK_STATUSES: readonly PackStatus[] = ["active", "exhausted", "expired", "refunded", "refund-pending"];

export function packStatus(pack: { remaining: number; expiresAt: Date; refundedAt: Date | null; refundHold: boolean }, at: Date): PackStatus {
  if (pack.refundedAt) return "refunded";
  if (pack.refundHold) return "refund-pending";
  if (pack.expiresAt.getTime() <= at.getTime()) return "expired";
  if (pack.remaining === 0) return "exhausted";
  return "active";
}
