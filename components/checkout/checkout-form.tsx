"use client";

import Link from "@/components/ui/app-link";
import { useActionState, useState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ErrorParams } from "@/lib/context/errors";
import { errorMessage } from "@/lib/i18n/translator";
import type { PaidFrom } from "@/lib/pricing/refund";
import { yuanText } from "@/lib/pricing/money-text";
import { PaymentSplit } from "./payment-split";

export interface PurchaseState {
  error?: string;
  params?: ErrorParams;
}

export interface CheckoutVoucher {
  id: string;
  label: string;
}

/** What paying would do with one voucher choice: money as the server's two-decimal strings. */
export type CheckoutSplit =
  | { ok: true; paid: PaidFrom; balanceAfter: string }
  /** `topUp`: the balance page's top-up with the shortfall filled in, coming back to this checkout. */
  | { ok: false; balanceNeeded: string; balanceAvailable: string; shortfall: string; voucherPays: string; topUp: string };

/**
 * The confirm step: the voucher choice and its split. The page computes the split for every choice
 * with lib/pricing's splitPayment, the same function the server charges with, so this browser code
 * only picks one (and carries no decimal arithmetic). The idempotency key was made when the page
 * rendered, so a double click or a retry charges once.
 *
 * Too little balance (issue 19 item 8): one message (it speaks of the voucher only when one pays a
 * part), paying is disabled and "Top up" is the main action, with the shortfall filled in and the
 * way back here. `topUp` is that link without an amount, for a refusal the page could not foresee
 * (the balance spent elsewhere meanwhile).
 */
export function CheckoutForm({
  amount,
  vouchers,
  splits,
  topUp,
  hidden,
  pay,
}: {
  amount: string;
  vouchers: CheckoutVoucher[];
  /** By voucher id; "" is paying without one. */
  splits: Record<string, CheckoutSplit>;
  topUp: string;
  hidden: Record<string, string>;
  pay: FormAction<PurchaseState>;
}) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<PurchaseState, FormData>(pay, {});
  const [voucherId, setVoucherId] = useState(vouchers[0]?.id ?? "");
  const split = splits[voucherId] ?? splits[""];
  if (!split) throw new Error("checkout: no split for the voucher choice");
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
        {split.ok ? (
          <>
            <PaymentSplit t={t} paid={split.paid} />
            <p className="text-xs text-muted">{t("checkout.split.order")}</p>
            <p className="text-xs text-muted">{t("checkout.balanceAfter", { amount: yuanText(split.balanceAfter) })}</p>
          </>
        ) : (
          <div data-testid="checkout-short">
            <Alert tone="warning">
              {t(voucherId && split.voucherPays !== "0.00" ? "checkout.short.voucher" : "checkout.short", {
                needed: yuanText(split.balanceNeeded),
                voucherPays: yuanText(split.voucherPays),
                available: yuanText(split.balanceAvailable),
                shortfall: yuanText(split.shortfall),
              })}
            </Alert>
          </div>
        )}
      </div>
      {state.error ? <Alert tone="error">{errorMessage(t, state.error, state.params)}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        {split.ok ? null : (
          <Link href={split.topUp} className={buttonClass("primary")} data-testid="checkout-top-up-link">
            {t("checkout.topUp.amount", { amount: yuanText(split.shortfall) })}
          </Link>
        )}
        <Button type="submit" variant={split.ok ? "primary" : "secondary"} disabled={pending || !split.ok}>
          {pending ? t("checkout.paying") : t("checkout.confirm", { amount: yuanText(amount) })}
        </Button>
        {split.ok && state.error === "insufficient-balance" ? (
          <Link href={topUp} className={buttonClass("secondary")}>
            {t("checkout.topUp")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
