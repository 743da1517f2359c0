import type { Metadata } from "next";
import Link from "next/link";
import { PublicFrame } from "@/components/calculator/public-frame";
import { PageHeader } from "@/components/shell/page-header";
import { auth } from "@/lib/auth";
import { getTranslator } from "@/lib/i18n/server";
import { TERMS_VERSION } from "@/lib/packs/activation";
import { PRODUCT_IDS } from "@/lib/pricing";

const SECTIONS = ["calendar", "free", "postpaid", "packs", "refunds", "qps", "bills"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("prices.terms") };
}

/** Public: the service terms a customer accepts at activation (SPEC §1–§7, in words), with links to every price page. */
export default async function TermsPage() {
  const [{ t }, session] = await Promise.all([getTranslator(), auth()]);
  const role = session?.user?.role;
  const back = !role ? { href: "/sign-in", label: t("calculator.signIn") } : { href: role === "customer" ? "/services" : "/staff", label: t("calculator.backToConsole") };
  return (
    <PublicFrame t={t} back={back}>
      <PageHeader title={t("terms.title", { version: TERMS_VERSION })} description={t("terms.description")} />
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
