import { previousMonth, type Month } from "@/lib/pricing";

/** At most 20 years of months in the filter: an account older than that is offered its latest 240. */
const MAX_MONTHS = 240;

/**
 * The months the order filter offers, newest first: from the account's first month to this one, and
 * the month a URL asked for when it is another (so the filter shows what the list is filtered by).
 */
export function accountMonths(first: Month, last: Month, asked: Month | undefined): Month[] {
  const months: Month[] = [];
  for (let month = last; month >= first && months.length < MAX_MONTHS; month = previousMonth(month)) months.push(month);
  if (asked && !months.includes(asked)) months.push(asked);
  return months.sort().reverse();
}
