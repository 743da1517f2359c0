import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { Translate } from "@/lib/i18n/translate";

/** Newer / older pages of the bills list (/bills?page=n); nothing when there is one page. */
export function BillsPager({ t, page, pages }: { t: Translate; page: number; pages: number }) {
  if (pages <= 1) return null;
  const link = (target: number) => (target > 1 ? `/bills?page=${target}` : "/bills");
  return (
    <nav aria-label={t("bills.pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted" data-testid="bills-page">
        {t("bills.page", { page, pages })}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={link(page - 1)} className={buttonClass("secondary", "px-3 py-1.5 text-xs")} rel="prev">
            {t("bills.previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={link(page + 1)} className={buttonClass("secondary", "px-3 py-1.5 text-xs")} rel="next">
            {t("bills.next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
