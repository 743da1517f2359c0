import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SummaryRow } from "@/components/ui/summary-list";
import { SandboxPayForm } from "@/components/wallet/sandbox-pay-form";
import { customerContext, requireCustomerOrNotFound } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/redirect-target";
import { NotFoundError } from "@/lib/context";
import { getTranslator } from "@/lib/i18n/server";
import { formatYuan } from "@/lib/pricing";
import { sandboxPaymentsEnabled } from "@/lib/wallet/providers/config";
import { openSandboxOrder } from "@/lib/wallet/sandbox-checkout";
import { sandboxPayAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("sandbox.title") };
}

/**
 * The sandbox provider's checkout page: stands where WeChat Pay's or Alipay's page would be. It
 * exists only while the sandbox is configured, and shows an order only to its owner, signed in:
 * anyone else gets the same 404 as for an order that does not exist.
 */
export default async function SandboxCheckoutPage({ params, searchParams }: { params: Promise<{ orderId: string }>; searchParams: Promise<{ return?: string }> }) {
  if (!sandboxPaymentsEnabled()) notFound();
  const { orderId } = await params;
  const customer = await requireCustomerOrNotFound(`/sandbox/checkout/${encodeURIComponent(orderId)}`);
  const returnPath = safeReturnPath((await searchParams).return, "/balance");
  const ctx = await customerContext(customer);
  const order = await openSandboxOrder({ ctx, input: { orderId } }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { t } = await getTranslator();
  return (
    <div className="min-h-screen bg-amber-50">
      <div role="note" className="bg-amber-400 px-4 py-2 text-center text-sm font-bold tracking-wide text-amber-950">
        {t("sandbox.banner")}
      </div>
      <main className="mx-auto max-w-md px-4 py-12">
        <div className="rounded-xl border-2 border-dashed border-amber-400 bg-white p-6 shadow-sm">
          <p className="text-xs font-semibold tracking-widest text-amber-700">SANDBOX PAY</p>
          <h1 className="mt-1 text-xl font-semibold text-ink">{t("sandbox.title")}</h1>
          <>
            <dl className="mt-6 space-y-2 text-sm">
              <SummaryRow label={t("sandbox.merchant")}>{t("app.name")}</SummaryRow>
              <SummaryRow label={t("sandbox.order")}>
                <span className="font-mono text-xs">{order.providerOrderId}</span>
              </SummaryRow>
              <SummaryRow label={t("sandbox.amount")} total testId="sandbox-amount">
                {formatYuan(order.amount)}
              </SummaryRow>
            </dl>
            <div className="mt-6">
              {order.status === "paid" ? (
                <p className="text-sm text-emerald-700">{t("sandbox.alreadyPaid")}</p>
              ) : (
                <SandboxPayForm orderId={order.id} returnPath={returnPath} amountLabel={formatYuan(order.amount)} pay={sandboxPayAction} />
              )}
            </div>
            <p className="mt-6 text-xs text-muted">{t("sandbox.explain")}</p>
          </>
          <Link href={returnPath} className="mt-4 block text-center text-sm text-brand-600 hover:underline">
            {t("sandbox.back")}
          </Link>
        </div>
      </main>
    </div>
  );
}
