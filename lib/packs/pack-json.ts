import type { PackView } from "./list";

/** API.md §1 `GET /api/v1/packs`: one entry per pack of the account. */
export interface PackJson {
  id: string;
  api: string;
  size: number;
  remaining: number;
  status: "active" | "exhausted" | "expired" | "refunded";
  source: "free" | "purchase" | "gift";
  expiresAt: string;
  /** SPEC §4: the last instant a refund may be asked for, while the pack is refundable; null otherwise. */
  refundableUntil: string | null;
}

/**
 * The contract has four statuses: a pack held for refund review is not refunded yet, so it reports
 * what its columns say (expired, exhausted or active), and null for refundableUntil (a refund is pending).
 */
export function packJson(pack: PackView, at: Date): PackJson {
  const status: PackJson["status"] =
    pack.status !== "refund-pending" ? pack.status : pack.expiresAt.getTime() <= at.getTime() ? "expired" : pack.remaining === 0 ? "exhausted" : "active";
  return {
    id: pack.id,
    api: pack.api,
    size: pack.size,
    remaining: pack.remaining,
    status,
    source: pack.source,
    expiresAt: pack.expiresAt.toISOString(),
    refundableUntil: pack.refund.refundable ? pack.refund.until.toISOString() : null,
  };
}
