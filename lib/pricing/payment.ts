import type { ProductId } from "./catalog/products";
import { Dec, toDec, type MoneyInput } from "./decimal";
import { formatMoney } from "./format";
import { instantMs, type InstantInput } from "./months";
import type { PaidFrom } from "./refund";

/** The three balance sub-accounts (SPEC §3). */
export interface Balance {
  readonly cash: MoneyInput;
  readonly income: MoneyInput;
  readonly gift: MoneyInput;
}

/** A voucher (代金券): an amount left, the products it applies to, an expiry (exclusive). */
export interface Voucher {
  readonly remaining: MoneyInput;
  readonly products: readonly ProductId[];
  readonly expiresAt: InstantInput;
}

export type VoucherIgnoredReason = "wrong-product" | "expired";

export type PaymentSplit =
  | { readonly ok: true; readonly paid: PaidFrom; readonly voucherIgnored: VoucherIgnoredReason | null }
  | {
      readonly ok: false;
      readonly code: "insufficient-balance";
      readonly price: string;
      readonly voucherPays: string;
      readonly balanceNeeded: string;
      readonly balanceAvailable: string;
      readonly shortfall: string;
    };

// Reading NEGATIVE_SUBACCOUNT_PAYS_NOTHING: a sub-account in arrears contributes nothing.
function available(amount: MoneyInput): Dec {
  return Dec.max(toDec(amount), 0);
}

function voucherIgnoredReason(voucher: Voucher, product: ProductId, at: InstantInput): VoucherIgnoredReason | null {
  if (!voucher.products.includes(product)) return "wrong-product";
  if (instantMs(at, "at") >= instantMs(voucher.expiresAt, "voucher.expiresAt")) return "expired";
  return null;
}

/**
 * How a purchase is paid (SPEC §3): the applied voucher first if it covers the product and
 * has not expired (Reading VOUCHER_IGNORED_WHEN_NOT_APPLICABLE), then gift, then income,
 * then cash. If the balance cannot cover the rest, nothing is charged and the amounts
 * needed and available are returned.
 */
export function splitPayment(input: {
  readonly price: MoneyInput;
  readonly product: ProductId;
  readonly balance: Balance;
  readonly voucher?: Voucher;
  readonly at: InstantInput;
}): PaymentSplit {
  const price = toDec(input.price);
  if (price.isNegative()) throw new RangeError(`price must not be negative: ${price.toFixed()}`);
  const ignored = input.voucher ? voucherIgnoredReason(input.voucher, input.product, input.at) : null;
  const voucherPays = input.voucher && ignored === null ? Dec.min(available(input.voucher.remaining), price) : new Dec(0);

  let left = price.minus(voucherPays);
  const gift = available(input.balance.gift);
  const income = available(input.balance.income);
  const cash = available(input.balance.cash);
  const balanceAvailable = gift.plus(income).plus(cash);
  if (balanceAvailable.lessThan(left)) {
    return {
      ok: false,
      code: "insufficient-balance",
      price: formatMoney(price),
      voucherPays: formatMoney(voucherPays),
      balanceNeeded: formatMoney(left),
      balanceAvailable: formatMoney(balanceAvailable),
      shortfall: formatMoney(left.minus(balanceAvailable)),
    };
  }
  const take = (from: Dec): Dec => {
    const taken = Dec.min(from, left);
    left = left.minus(taken);
    return taken;
  };
  const fromGift = take(gift);
  const fromIncome = take(income);
  const fromCash = take(cash);
  return {
    ok: true,
    paid: {
      voucher: formatMoney(voucherPays),
      gift: formatMoney(fromGift),
      income: formatMoney(fromIncome),
      cash: formatMoney(fromCash),
    },
    voucherIgnored: ignored,
  };
}
