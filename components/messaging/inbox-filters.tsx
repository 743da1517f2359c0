import Link from "@/components/ui/app-link";
import type { Translate } from "@/lib/i18n/translate";
import type { InboxFilter } from "@/lib/messaging/kinds";

const FILTERS: readonly (InboxFilter | "all")[] = ["all", "unread", "packs", "billing", "account"];

/** The inbox's filters as links (`?show=`): a filtered inbox is a URL that can be bookmarked or shared. */
export function InboxFilters({ t, active }: { t: Translate; active: InboxFilter | "all" }) {
  return (
    <nav aria-label={t("inbox.filter.label")} className="mb-4 flex flex-wrap gap-2">
      {FILTERS.map((filter) => (
        <Link
          key={filter}
          href={filter === "all" ? "/messages" : `/messages?show=${filter}`}
          aria-current={filter === active ? "page" : undefined}
          className={`whitespace-nowrap rounded-full border px-3 py-1 text-sm ${filter === active ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-line bg-white text-muted hover:text-ink"}`}
        >
          {t(`inbox.filter.${filter}`)}
        </Link>
      ))}
    </nav>
  );
}
