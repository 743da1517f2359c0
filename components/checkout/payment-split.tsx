import type { Translate } from "@/lib/i18n/translator";
import { yuanText } from "@/lib/pricing/money-text";
import type { PaidFrom } from "@/lib/pricing/refund";

/** The exact split of a payment over voucher, gift, income and cash (SPEC §3). */
export function PaymentSplit({ t, paid }: { t: Translate; paid: PaidFrom }) {
  const rows = [
    ["voucher", "checkout.split.voucher", paid.voucher],
    ["gift", "checkout.split.gift", paid.gift],
    ["income", "checkout.split.income", paid.income],
    ["cash", "checkout.split.cash", paid.cash],
  ] as const;
  return (
    <dl className="tabular divide-y divide-line rounded-md border border-line text-sm" data-testid="payment-split">
      {rows.map(([id, key, amount]) => (
        <div key={id} className="flex justify-between px-3 py-2" data-testid={`split-${id}`}>
          <dt className="text-muted">{t(key)}</dt>
          <dd className={amount === "0.00" ? "text-muted" : "font-medium"}>{yuanText(amount)}</dd>
        </div>
      ))}
    </dl>
  );
}
