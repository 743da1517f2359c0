import Link from "next/link";
import { PublicFrame } from "@/components/calculator/public-frame";
import type { BackLink } from "@/components/public/back-link";
import { PageHeader } from "@/components/shell/page-header";
import { formatMonth } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { TERMS_VERSION } from "@/lib/packs/activation";
import { PRODUCT_IDS } from "@/lib/pricing";

const SECTIONS = ["calendar", "free", "postpaid", "packs", "refunds", "qps", "bills"] as const;

/** The service terms a customer accepts at activation (SPEC §1–§7, in words), with links to every price page. */
export function TermsPage({ t, locale, back }: { t: Translate; locale: Locale; back: BackLink }) {
  return (
    <PublicFrame t={t} back={back}>
      <PageHeader title={t("terms.title", { version: formatMonth(locale, TERMS_VERSION) })} description={t("terms.description")} />
      <div className="max-w-3xl space-y-5 rounded-lg border border-line bg-white px-5 py-5 text-sm leading-relaxed">
        {SECTIONS.map((section) => (
          <section key={section}>
            <h2 className="font-semibold text-ink">{t(`terms.${section}.title`)}</h2>
            <p className="mt-1 text-ink/90">{t(`terms.${section}.body`)}</p>
          </section>
        ))}
        <section>
          <h2 className="font-semibold text-ink">{t("prices.seeAll")}</h2>
          <ul className="mt-1 flex flex-wrap gap-3">
            {PRODUCT_IDS.map((id) => (
              <li key={id}>
                <Link href={`/prices/${id}`} className="text-brand-600 hover:underline">
                  {t(`product.${id}`)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </PublicFrame>
  );
}
