import { Pager } from "@/components/ui/pager";
import type { Translate } from "@/lib/i18n/translate";

/** Newer / older pages of the bills list (/bills?page=n). */
export function BillsPager({ t, page, pages }: { t: Translate; page: number; pages: number }) {
  return (
    <Pager
      page={page}
      pages={pages}
      href={(target) => (target > 1 ? `/bills?page=${target}` : "/bills")}
      label={t("bills.pagination")}
      status={t("bills.page", { page, pages })}
      previous={t("bills.previous")}
      next={t("bills.next")}
      testId="bills-page"
    />
  );
}
