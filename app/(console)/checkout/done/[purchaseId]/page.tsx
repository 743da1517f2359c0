import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaymentSplit } from "@/components/checkout/payment-split";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/context";
import { getTranslator } from "@/lib/i18n/server";
import { formatCount, formatYuan } from "@/lib/pricing";
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
  const { t } = await getTranslator();
  // Parsed strictly: a malformed id (36 dashes) is a 404, never a database error.
  if (!z.uuid().safeParse(purchaseId).success) notFound();
  const bought = await getPurchase({ ctx, purchaseId }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const next = bought.kind === "qps" ? (["/qps", "checkout.done.qps"] as const) : bought.kind === "one-time" ? (["/sdk", "checkout.done.sdk"] as const) : (["/packs", "checkout.done.packs"] as const);
  return (
    <>
      <PageHeader title={t("checkout.done.title")} description={t("checkout.done.description", { id: bought.id.slice(0, 8) })} />
      <Card className="max-w-xl">
        <div className="space-y-4">
          <div className="flex items-baseline justify-between">
            <p className="text-sm">
              {bought.item} × {formatCount(bought.quantity)}
            </p>
            <p className="tabular text-xl font-semibold" data-testid="done-total">
              {formatYuan(bought.amount)}
            </p>
          </div>
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
