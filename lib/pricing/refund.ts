import type { ProductId } from "./catalog/products";
import { Dec, toDec, type MoneyInput } from "./decimal";
import { formatMoney } from "./format";
import { instantMs, startOfShanghaiDayAfter, type InstantInput } from "./months";
import { REFUND_REASON_ORDER, REFUND_WINDOW_DAYS } from "./readings";

/** Where a pack came from: bought, the monthly free pack, or a gift / promotion gift. */
export type PackSource = "purchase" | "free" | "gift";

export type RefundRefusal = (typeof REFUND_REASON_ORDER)[number];

/** SPEC §4: only scan and recognition packs can be refunded. */
export const REFUNDABLE_PRODUCTS: readonly ProductId[] = ["scan", "recognition"];

export interface RefundablePackFacts {
  readonly product: ProductId;
  readonly source: PackSource;
  /** A pack bought in a promotion whose own rules forbid refunds (SPEC §4: they win). */
  readonly promotionNoRefund?: boolean;
  readonly size: number;
  readonly remaining: number;
  readonly deliveredAt: InstantInput;
  readonly refunded?: boolean;
}

export type Refundability =
  | { readonly refundable: true; readonly refundableUntil: Date }
  | { readonly refundable: false; readonly reason: RefundRefusal; readonly refundableUntil: Date | null };

/**
 * The last instant a bought pack may be refunded: 23:59:59.999 Shanghai time on delivery
 * day + 7 (Reading REFUND_WINDOW_CALENDAR_DAYS).
 */
export function refundableUntil(deliveredAt: InstantInput): Date {
  return new Date(startOfShanghaiDayAfter(deliveredAt, REFUND_WINDOW_DAYS + 1).getTime() - 1);
}

/** Whether a pack can be refunded at `at` (SPEC §4, 7 天无理由退款), and if not why. */
export function packRefundability(input: {
  readonly pack: RefundablePackFacts;
  readonly accountDisabled: boolean;
  readonly at: InstantInput;
}): Refundability {
  const { pack } = input;
  const windowApplies = pack.source === "purchase" && !pack.promotionNoRefund && REFUNDABLE_PRODUCTS.includes(pack.product);
  const until = windowApplies ? refundableUntil(pack.deliveredAt) : null;
  const failing: Record<RefundRefusal, boolean> = {
    "already-refunded": pack.refunded === true,
    "account-disabled": input.accountDisabled,
    "not-bought": pack.source !== "purchase",
    "promotion-no-refund": pack.promotionNoRefund === true,
    "product-not-refundable": !REFUNDABLE_PRODUCTS.includes(pack.product),
    used: pack.remaining !== pack.size,
    "window-passed": until === null || instantMs(input.at, "at") > until.getTime(),
  };
  // Reading REFUND_REASON_PRECEDENCE: report the first failing rule in a fixed order.
  const reason = REFUND_REASON_ORDER.find((rule) => failing[rule]);
  if (reason) return { refundable: false, reason, refundableUntil: until };
  if (!until) throw new Error("unreachable: a refundable pack has a window");
  return { refundable: true, refundableUntil: until };
}

export interface PaidFrom {
  readonly voucher: string;
  readonly gift: string;
  readonly income: string;
  readonly cash: string;
}

/**
 * What a refund returns (SPEC §4): each balance sub-account gets back what it paid;
 * voucher amounts are not returned.
 */
export function refundReturns(paid: { gift: MoneyInput; income: MoneyInput; cash: MoneyInput; voucher: MoneyInput }): {
  gift: string;
  income: string;
  cash: string;
  total: string;
  voucherNotReturned: string;
} {
  const gift = toDec(paid.gift);
  const income = toDec(paid.income);
  const cash = toDec(paid.cash);
  return {
    gift: formatMoney(gift),
    income: formatMoney(income),
    cash: formatMoney(cash),
    total: formatMoney(new Dec(0).plus(gift).plus(income).plus(cash)),
    voucherNotReturned: formatMoney(paid.voucher),
  };
}
