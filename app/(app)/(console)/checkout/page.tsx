import { joinList } from "@/lib/i18n/list";
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { CheckoutForm, type CheckoutSplit, type CheckoutVoucher } from "@/components/checkout/checkout-form";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SummaryRow } from "@/components/ui/summary-list";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { ServiceError } from "@/lib/context";
import { validThrough } from "@/lib/i18n/valid-through";
import { itemName } from "@/lib/i18n/names";
import { getTranslator } from "@/lib/i18n/server";
import { errorMessage, type MessageKey } from "@/lib/i18n/translate";
import { Dec, formatCount, formatMoney, formatYuan, REFUNDABLE_PRODUCTS, splitPayment, type PricedPurchase } from "@/lib/pricing";
import { preparePurchase, type PreparedPurchase } from "@/lib/purchases/prepare";
import { qpsOverview } from "@/lib/quota/overview";
import { purchaseItemSchema, type PurchaseItem } from "@/lib/purchases/schemas";
import { getWallet, listVouchers } from "@/lib/wallet/balance";
import { returnPathWith } from "@/lib/auth/redirect-target";
import { balanceJson } from "@/lib/live/server";
import { z } from "zod";
import { purchaseAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("checkout.title") };
}

type Search = Record<string, string | undefined>;

function itemOf(params: Search): PurchaseItem | null {
  const parsed = purchaseItemSchema.safeParse({
    item: params.item,
    quantity: params.quantity ?? "1",
    period: params.period || undefined,
    periods: params.periods || undefined,
    quoteId: params.quoteId || undefined,
    app: params.appName ? { name: params.appName, iosBundleId: params.iosBundleId ?? "", androidPackage: params.androidPackage ?? "" } : undefined,
  });
  return parsed.success ? parsed.data : null;
}

function policyOf(priced: PricedPurchase): MessageKey {
  if (priced.kind === "qps") return "checkout.policy.qps";
  if (priced.item === "body.offline-sdk:formal") return "checkout.policy.licence";
  if (priced.kind === "one-time") return "checkout.policy.sdk";
  return REFUNDABLE_PRODUCTS.includes(priced.product) ? "checkout.policy.pack-refundable" : "checkout.policy.pack-body";
}

/** The address parameters that name this purchase (the form's fields too): the checkout page's own address is `/checkout?` + these. */
function checkoutParams(priced: PricedPurchase, quoteId: string | undefined, app: PurchaseItem["app"]): Record<string, string> {
  return {
    item: priced.item,
    quantity: String(priced.quantity),
    ...(priced.period ? { period: priced.period, periods: String(priced.periods ?? 1) } : {}),
    ...(quoteId ? { quoteId } : {}),
    ...(app ? { appName: app.name, iosBundleId: app.iosBundleId, androidPackage: app.androidPackage } : {}),
  };
}

function backOf(item: string): string {
  if (item.startsWith("qps:")) return "/qps";
  if (item === "scan.sdk" || item === "body.offline-sdk:formal") return "/sdk";
  return "/packs";
}

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<Search> }) {
  const customer = await requireCustomer("/checkout");
  const ctx = await customerContext(customer);
  const { t, locale } = await getTranslator();
  const params = await searchParams;
  const item = itemOf(params);
  let prepared: Pick<PreparedPurchase, "priced" | "quote"> | { error: string; params?: Record<string, string | number> };
  try {
    prepared = item ? await preparePurchase(ctx.db, customer.accountId, item, ctx.now) : { error: "invalid-input" };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    prepared = { error: error.code, params: error.params };
  }
  const back = backOf(params.item ?? "");
  if ("error" in prepared || !item) {
    return (
      <>
        <PageHeader title={t("checkout.title")} />
        <Card title={t("checkout.cannot")}>
          <div className="space-y-4">
            <Alert tone="error">{"error" in prepared ? errorMessage(t, prepared.error, prepared.params) : t("errors.invalid-input")}</Alert>
            <Link href={back} className={buttonClass("secondary")}>
              {t("checkout.back")}
            </Link>
          </div>
        </Card>
      </>
    );
  }
  const { priced, quote } = prepared;
  const [wallet, vouchers, qps] = await Promise.all([getWallet({ ctx }), listVouchers({ ctx }), priced.kind === "qps" ? qpsOverview({ ctx, group: "body" }) : null]);
  const qpsIdle = qps?.mode === "calls";
  // Issue 19 item 8: "Top up" carries the shortfall and the way back to this very checkout (the
  // item's own parameters, checked as any return path), where the provider sends the customer after paying.
  const here = returnPathWith("/checkout", checkoutParams(priced, quote?.id, item.app), "/balance");
  const topUpHref = (amount?: string) => `/balance?${new URLSearchParams({ ...(amount ? { amount } : {}), return: here }).toString()}#top-up`;
  const choices = vouchers.filter((v) => v.status === "usable" && v.products.includes(priced.product));
  // The split for every voucher choice, with the function the purchase charges with: the browser
  // only picks one (no decimal arithmetic in its bundle).
  const splitFor = (voucher?: (typeof choices)[number]): CheckoutSplit => {
    const split = splitPayment({ price: priced.amount, product: priced.product, balance: { cash: wallet.cash, income: wallet.income, gift: wallet.gift }, voucher, at: ctx.now });
    if (!split.ok) return { ok: false, balanceNeeded: split.balanceNeeded, balanceAvailable: split.balanceAvailable, shortfall: split.shortfall, voucherPays: split.voucherPays, topUp: topUpHref(split.shortfall) };
    const after = new Dec(wallet.total).minus(split.paid.gift).minus(split.paid.income).minus(split.paid.cash);
    return { ok: true, paid: split.paid, balanceAfter: formatMoney(after) };
  };
  const splits: Record<string, CheckoutSplit> = Object.fromEntries([["", splitFor()], ...choices.map((v) => [v.id, splitFor(v)] as const)]);
  const usable: CheckoutVoucher[] = choices
    .map((v) => ({
      id: v.id,
      label: `${joinList(locale, v.products.map((p) => t(`product.${p}`)))} · ${t("checkout.voucher.option", { remaining: formatYuan(v.remaining), date: validThrough(t, locale, v.expiresAt) })}`,
    }));
  const hidden: Record<string, string> = {
    // Made once per render of this page: the same form submitted twice buys once.
    idempotencyKey: randomUUID(),
    ...checkoutParams(priced, quote?.id, item.app),
  };
  // Back from the provider's page (`?topup=` after paying, `?cancelled=1`): say what became of the top-up.
  const topUpId = z.uuid().safeParse(params.topup);
  const returned = topUpId.success ? (await balanceJson(ctx, topUpId.data)).topUp : null;
  const rows: [string, string][] = [
    [t("checkout.item"), itemName(t, priced.item)],
    [t("checkout.quantity"), formatCount(priced.quantity)],
    [t("checkout.unitPrice"), formatYuan(priced.unitPrice)],
  ];
  if (priced.period) rows.push([t("checkout.period"), t(priced.period === "month" ? "checkout.period.month" : "checkout.period.day", { periods: priced.periods ?? 1 })]);
  if (quote) {
    rows.push([t("checkout.package"), quote.packageName]);
    rows.push([t("checkout.validity"), t("checkout.validity.years", { years: quote.years })]);
  }
  if (item.app) rows.push([t("checkout.app"), `${item.app.name} · iOS ${item.app.iosBundleId} · Android ${item.app.androidPackage}`]);
  return (
    <>
      <PageHeader title={t("checkout.title")} description={t("checkout.description")} />
      {returned && returned.status !== "cancelled" ? (
        <div className="mb-6" data-testid="checkout-top-up" data-status={returned.status}>
          <Alert tone={returned.status === "paid" ? "success" : "info"}>{t(returned.status === "paid" ? "checkout.topUp.paid" : "checkout.topUp.waiting", { amount: formatYuan(returned.amount) })}</Alert>
        </div>
      ) : params.cancelled ? (
        <div className="mb-6">
          <Alert tone="info">{t("wallet.topUp.cancelled")}</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-5">
        <Card title={t("checkout.item")} className="lg:col-span-2">
          <dl className="space-y-2 text-sm">
            {rows.map(([label, value], index) => (
              <SummaryRow key={label} label={label} testId={index === 0 ? "checkout-item" : undefined}>
                {/* Words wrap between words ("10,000 calls" never breaks as "ca / lls"); only a long unbroken id may break anywhere. */}
                <span className="font-medium">{value}</span>
              </SummaryRow>
            ))}
            <SummaryRow label={t("checkout.total")} total testId="checkout-total">
              {formatYuan(priced.amount)}
            </SummaryRow>
          </dl>
          <div className="mt-5 rounded-md bg-canvas px-3 py-2 text-xs text-muted">
            <p className="font-medium text-ink">{t("checkout.refundPolicy")}</p>
            <p className="mt-1" data-testid="refund-policy">
              {t(policyOf(priced))}
            </p>
            {priced.kind === "pack" ? <p className="mt-1">{t("checkout.validity.pack")}</p> : null}
            <p className="mt-2 flex flex-wrap gap-3">
              <Link href={`/prices/${priced.product}`} className="text-brand-600 hover:underline">
                {t("prices.seeAll")}
              </Link>
              <Link href="/terms" className="text-brand-600 hover:underline">
                {t("prices.terms")}
              </Link>
            </p>
            {qpsIdle ? (
              <p className="mt-2 text-amber-900" data-testid="qps-not-in-effect">
                {t("checkout.qps.notInEffect")}
              </p>
            ) : null}
          </div>
        </Card>
        <Card title={t("checkout.split")} className="lg:col-span-3">
          <CheckoutForm
            amount={formatMoney(priced.amount)}
            vouchers={usable}
            splits={splits}
            topUp={topUpHref()}
            hidden={hidden}
            pay={purchaseAction}
          />
        </Card>
      </div>
    </>
  );
}
