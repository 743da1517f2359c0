import { packStatus, type PackStatus } from "@/lib/packs/status";

/** A pack as the staff account page lists it: what it is, where it came from, until when, and its state. */
export interface StaffPackRow {
  id: string;
  api: string;
  packSpec: string | null;
  size: number;
  remaining: number;
  source: "free" | "purchase" | "gift";
  /** A monthly free pack's month (`YYYY-MM`); null for other packs. */
  freeMonth: string | null;
  expiresAt: Date;
  refundedAt: Date | null;
  refundHold: boolean;
}

const ORDER: Record<PackStatus, number> = { active: 0, "refund-pending": 1, exhausted: 2, expired: 3, refunded: 4 };

/**
 * Identical-looking rows ("Vehicle recognition · 1,000 of 1,000 left" twice) told apart: each pack with its
 * state; the ones still usable (or in review, or used up but valid) first, soonest to expire first; ended ones
 * (expired, refunded) apart, newest first, for the page to fold away.
 */
export function staffPackList<P extends StaffPackRow>(rows: readonly P[], at: Date): { current: (P & { status: PackStatus })[]; ended: (P & { status: PackStatus })[] } {
  const withStatus = rows.map((row) => ({ ...row, status: packStatus(row, at) }));
  const current = withStatus.filter((p) => p.status !== "expired" && p.status !== "refunded").sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.expiresAt.getTime() - b.expiresAt.getTime());
  const ended = withStatus.filter((p) => p.status === "expired" || p.status === "refunded").sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime());
  return { current, ended };
}
