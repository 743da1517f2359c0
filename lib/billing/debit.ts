import { Dec } from "@/lib/pricing";

export interface SubAccounts {
  cash: Dec;
  income: Dec;
  gift: Dec;
}

/**
 * How a bill is taken from the balance (SPEC §7.2): gift, then income, then cash — the order a
 * purchase uses (SPEC §3) — and whatever they cannot cover drives cash negative (arrears, SPEC §6).
 * Returns the positive amounts taken from each.
 */
export function billDebit(total: Dec, balance: SubAccounts): SubAccounts {
  let left = total;
  const take = (available: Dec) => {
    const amount = Dec.min(Dec.max(available, 0), left);
    left = left.minus(amount);
    return amount;
  };
  const gift = take(balance.gift);
  const income = take(balance.income);
  return { gift, income, cash: left };
}

/**
 * SPEC §7.4, books 2022-09 and 2022-11: the month's postpaid amount is frozen as an estimate of the
 * next month. Reading FREEZE_FROM_CASH_ONLY: only non-negative cash is frozen (never gift or income,
 * which could not return to their own sub-accounts unmarked, and never more than there is, which
 * would put a paying account into arrears for an estimate); it is released to cash at the next close.
 */
export function freezeAmount(postpaid: Dec, cashAfterBill: Dec): Dec {
  return Dec.max(Dec.min(postpaid, cashAfterBill), 0);
}
