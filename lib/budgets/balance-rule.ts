import { Dec, type MoneyInput } from "@/lib/pricing";

/**
 * The balance alert's rule (issue 13): it fires once when the available balance falls below the
 * threshold while armed, and re-arms only when the balance is back at or above it, so a balance
 * that hovers below X sends one message, not one per movement.
 */
export type BalanceAlertStep = "fire" | "rearm" | "none";

export function balanceAlertStep(state: { enabled: boolean; armed: boolean; threshold: string }, balance: MoneyInput): BalanceAlertStep {
  if (!state.enabled) return "none";
  const below = new Dec(balance).lessThan(state.threshold);
  if (below && state.armed) return "fire";
  if (!below && !state.armed) return "rearm";
  return "none";
}

/** The suggested threshold: 7 days of this month's average daily spend so far, rounded up to whole yuan (at least ¥1). */
export function suggestedBalanceThreshold(monthToDateSpend: MoneyInput, daysElapsed: number): string {
  const perDay = new Dec(monthToDateSpend).dividedBy(Math.max(daysElapsed, 1));
  return Dec.max(perDay.times(7).toDecimalPlaces(0, Dec.ROUND_UP), 1).toFixed(2);
}
