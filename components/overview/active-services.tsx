import Link from "@/components/ui/app-link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate } from "@/lib/i18n/format-date";
import type { Translate } from "@/lib/i18n/translate";
import { PRODUCT_IDS, type ProductId } from "@/lib/pricing";

export function ActiveServices({ t, locale, active }: { t: Translate; locale: Locale; active: Map<ProductId, Date> }) {
  const products = PRODUCT_IDS.filter((p) => active.has(p));
  return (
    <Card
      title={t("overview.services.title")}
      actions={
        <Link href="/services" className="text-sm text-brand-600 hover:underline">
          {t("overview.services.link")}
        </Link>
      }
    >
      {products.length === 0 ? (
        <EmptyState>{t("overview.services.none")}</EmptyState>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {products.map((product) => {
            const since = active.get(product);
            return (
              <li key={product} className="rounded-md border border-line px-3 py-2 text-sm" data-testid={`active-service-${product}`}>
                <div className="font-medium">{t(`product.${product}`)}</div>
                {since ? <div className="text-xs text-muted">{t("overview.services.since", { date: formatDate(locale, since) })}</div> : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
