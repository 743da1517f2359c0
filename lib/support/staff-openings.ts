/**
 * The access log lists each time staff opened the account in the staff console; one page load is one audit
 * row, so a single look at the account made many identical lines. A visit reads as one line: consecutive
 * openings (newest first, nothing else between) by the same staff member, each within `windowMs` of the
 * previous one, become one row with a count and the time of the first opening. The audit rows stay as they are.
 */
export const OPENING_ACTION = "support.account-viewed";
export const VISIT_WINDOW_MS = 30 * 60_000;

export type Grouped<T> = T & {
  /** How many openings this row stands for (absent for one). */
  count?: number;
  /** The first opening of the visit, when `count` is over one; `at` is the last. */
  firstAt?: Date;
};

export function groupStaffOpenings<T extends { action: string; at: Date }>(newestFirst: readonly T[], staffOf: (item: T) => string | null, windowMs = VISIT_WINDOW_MS): Grouped<T>[] {
  const rows: Grouped<T>[] = [];
  for (const item of newestFirst) {
    const previous = rows.at(-1);
    const staff = staffOf(item);
    if (
      previous &&
      item.action === OPENING_ACTION &&
      previous.action === OPENING_ACTION &&
      staff !== null &&
      staffOf(previous) === staff &&
      (previous.firstAt ?? previous.at).getTime() - item.at.getTime() <= windowMs
    ) {
      previous.count = (previous.count ?? 1) + 1;
      previous.firstAt = item.at;
      continue;
    }
    rows.push({ ...item });
  }
  return rows;
}
