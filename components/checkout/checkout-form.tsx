"use client";

import Link from "next/link";
import { useActionState, useMemo, useState } from "react";
import { purchaseAction, type PurchaseState } from "@/app/(app)/(console)/checkout/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { errorMessage } from "@/lib/i18n/translator";
import type { ProductId } from "@/lib/pricing/catalog/products";
import { Dec } from "@/lib/pricing/decimal";
import { formatYuan } from "@/lib/pricing/format";
import { splitPayment } from "@/lib/pricing/payment";
import { PaymentSplit } from "./payment-split";

export interface CheckoutVoucher {
  id: string;
  remaining: string;
  products: ProductId[];
  expiresAt: string;
  label: string;
}

/**
 * The confirm step: the voucher choice and the live split (computed with lib/pricing's splitPayment,
 * the same function the server charges with). The idempotency key was made when the page rendered,
 * so a double click or a retry charges once.
 */
export function CheckoutForm({
  amount,
  product,
  balance,
  vouchers,
  at,
  hidden,
}: {
  amount: string;
  product: ProductId;
  balance: { cash: string; income: string; gift: string };
  vouchers: CheckoutVoucher[];
  at: string;
  hidden: Record<string, string>;
}) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<PurchaseState, FormData>(purchaseAction, {});
  const [voucherId, setVoucherId] = useState(vouchers[0]?.id ?? "");
  const voucher = vouchers.find((v) => v.id === voucherId);
  const split = useMemo(() => splitPayment({ price: amount, product, balance, voucher, at }), [amount, product, balance, voucher, at]);
  const after = split.ok ? new Dec(balance.cash).plus(balance.income).plus(balance.gift).minus(split.paid.gift).minus(split.paid.income).minus(split.paid.cash) : null;
  return (
    <form action={action} className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="space-y-1.5">
        <label htmlFor="voucherId" className="block text-sm font-medium">
          {t("checkout.voucher")}
        </label>
        {vouchers.length > 0 ? (
          <select id="voucherId" name="voucherId" value={voucherId} onChange={(e) => setVoucherId(e.target.value)} className={inputClass}>
            <option value="">{t("checkout.voucher.none")}</option>
            {vouchers.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        ) : (
          <p className="text-sm text-muted">{t("checkout.voucher.noneAvailable")}</p>
        )}
      </div>
      <div className="space-y-1.5">
        <p className="text-sm font-medium">{t("checkout.split")}</p>
        {split.ok ? (
          <>
            <PaymentSplit t={t} paid={split.paid} />
            <p className="text-xs text-muted">{t("checkout.split.order")}</p>
            {after ? <p className="text-xs text-muted">{t("checkout.balanceAfter", { amount: formatYuan(after) })}</p> : null}
          </>
        ) : (
          <Alert tone="warning">
            {t("checkout.short", { needed: formatYuan(split.balanceNeeded), available: formatYuan(split.balanceAvailable), shortfall: formatYuan(split.shortfall) })}
          </Alert>
        )}
      </div>
      {state.error ? <Alert tone="error">{errorMessage(t, state.error, state.params)}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("checkout.paying") : t("checkout.confirm", { amount: formatYuan(amount) })}
        </Button>
        {!split.ok || state.error === "insufficient-balance" ? (
          <Link href="/balance" className={buttonClass("secondary")}>
            {t("checkout.topUp")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
