import { InvalidateLive } from "@/components/live/invalidate-live";
import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { notFound } from "next/navigation";
import { PaymentSplit } from "@/components/checkout/payment-split";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/context";
import { getTranslator } from "@/lib/i18n/server";
import { ActionForm } from "@/components/quota/action-form";
import { formatDateTime } from "@/lib/i18n/format-date";
import { itemName } from "@/lib/i18n/names";
import { validThrough } from "@/lib/i18n/valid-through";
import { formatCount, formatYuan, packExpiresAt, refundableUntil, REFUNDABLE_PRODUCTS, type ProductId } from "@/lib/pricing";
import { qpsOverview } from "@/lib/quota/overview";
import { switchModeAction } from "../../../qps/actions";
import { getPurchase } from "@/lib/purchases/get";
import { z } from "zod";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("checkout.done.title") };
}

export default async function PurchaseDonePage({ params }: { params: Promise<{ purchaseId: string }> }) {
  const { purchaseId } = await params;
  const customer = await requireCustomer(`/checkout/done/${purchaseId}`);
  const ctx = await customerContext(customer);
  const { t, locale } = await getTranslator();
  // Parsed strictly: a malformed id (36 dashes) is a 404, never a database error.
  if (!z.uuid().safeParse(purchaseId).success) notFound();
  const bought = await getPurchase({ ctx, purchaseId }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // Bought QPS does nothing while the group bills by calls: say so and offer the switch here.
  const qpsIdle = bought.kind === "qps" && (await qpsOverview({ ctx, group: "body" })).mode === "calls";
  const refundable = bought.kind === "pack" && REFUNDABLE_PRODUCTS.includes(bought.product as ProductId);
  const facts: [string, string][] = [[t("checkout.done.date"), formatDateTime(locale, bought.createdAt)]];
  if (bought.kind === "pack") {
    facts.push([t("checkout.done.validity"), validThrough(t, locale, packExpiresAt(bought.createdAt))]);
    facts.push([t("checkout.done.refundBy"), refundable ? validThrough(t, locale, new Date(refundableUntil(bought.createdAt).getTime() + 1)) : t("checkout.done.noRefund")]);
  } else {
    facts.push([t("checkout.done.refundBy"), t("checkout.done.noRefund")]);
  }
  const next = bought.kind === "qps" ? (["/qps", "checkout.done.qps"] as const) : bought.kind === "one-time" ? (["/sdk", "checkout.done.sdk"] as const) : (["/packs", "checkout.done.packs"] as const);
  return (
    <>
      {/* The purchase moved the balance (and may have left the banner's standing or the bell stale). */}
      <InvalidateLive queries={["balance", "standing", "packs", "unread"]} />
      <PageHeader title={t("checkout.done.title")} description={t("checkout.done.description", { id: bought.id.slice(0, 8) })} />
      <Card className="max-w-xl">
        <div className="space-y-4">
          <div className="flex items-baseline justify-between">
            <p className="text-sm">
              {itemName(t, bought.item)} × {formatCount(bought.quantity)}
            </p>
            <p className="tabular text-xl font-semibold" data-testid="done-total">
              {formatYuan(bought.amount)}
            </p>
          </div>
          <dl className="space-y-1 text-sm" data-testid="receipt-facts">
            {facts.map(([label, value]) => (
              <div key={label} className="flex justify-between gap-4">
                <dt className="text-muted">{label}</dt>
                <dd className="text-right">{value}</dd>
              </div>
            ))}
          </dl>
          {qpsIdle ? (
            <div className="space-y-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="qps-not-in-effect">
              <p>{t("checkout.done.qps.switch")}</p>
              <ActionForm action={switchModeAction} submit="qps.switchTo.qps" doneMessage="qps.switched">
                <input type="hidden" name="group" value="body" />
                <input type="hidden" name="mode" value="qps" />
              </ActionForm>
            </div>
          ) : null}
          <p className="text-sm font-medium">{t("checkout.done.paid")}</p>
          <PaymentSplit t={t} paid={bought.paid} />
          <div className="flex flex-wrap gap-3">
            <Link href={next[0]} className={buttonClass("primary")}>
              {t(next[1])}
            </Link>
            <Link href="/balance" className={buttonClass("secondary")}>
              {t("checkout.done.balance")}
            </Link>
          </div>
        </div>
      </Card>
    </>
  );
}
