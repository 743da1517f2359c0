import type { Metadata } from "next";
import Link from "next/link";
import { Calculator } from "@/components/calculator/calculator";
import { calculate } from "@/lib/calculator/compute";
import { PublicFrame } from "@/components/calculator/public-frame";
import { PageHeader } from "@/components/shell/page-header";
import { auth } from "@/lib/auth";
import { prefilledForm } from "@/lib/calculator/prefill";
import { now } from "@/lib/clock";
import { monthOf } from "@/lib/pricing";
import { getTranslator } from "@/lib/i18n/server";
import { PRODUCT_IDS } from "@/lib/pricing";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("calculator.title") };
}

/** Public (proxy.ts lets it through): the pricing runs in the browser, so nothing here needs a session. */
export default async function CalculatorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ t }, session] = await Promise.all([getTranslator(), auth()]);
  const initial = prefilledForm(await searchParams, monthOf(now()));
  const role = session?.user?.role;
  const back = !role
    ? { href: "/sign-in", label: t("calculator.signIn") }
    : { href: role === "customer" ? "/" : "/staff", label: t("calculator.backToConsole") };
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
      {/* Issue 13: advice links here with the account's numbers; without parameters it opens empty. */}
      <Calculator initial={initial} initialResult={calculate(initial)} />
    </PublicFrame>
  );
}
