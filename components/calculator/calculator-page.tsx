import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import type { Translate } from "@/lib/i18n/translate";
import { PRODUCT_IDS } from "@/lib/pricing";
import type { BackLink } from "@/components/public/back-link";
import { CalculatorFromQuery } from "./calculator-from-query";
import { PublicFrame } from "./public-frame";

/** The calculator page, prerendered per locale (app/[lang]/calculator). */
export function CalculatorPage({ t, back }: { t: Translate; back: BackLink }) {
  return (
    <PublicFrame t={t} back={back}>
      <PageHeader
        title={t("calculator.title")}
        description={t("calculator.description")}
        actions={
          <p className="flex flex-wrap gap-3 text-sm">
            {PRODUCT_IDS.map((id) => (
              <Link key={id} href={`/prices/${id}`} className="text-brand-600 hover:underline">
                {t("prices.title", { product: t(`product.${id}`) })}
              </Link>
            ))}
          </p>
        }
      />
      {/* The form comes from the query, so it is drawn in the browser; without parameters it opens empty. */}
      <Suspense fallback={<div aria-busy="true" className="min-h-96" />}>
        <CalculatorFromQuery />
      </Suspense>
    </PublicFrame>
  );
}
