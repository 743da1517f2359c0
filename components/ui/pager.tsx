import Link from "@/components/ui/app-link";
import { buttonClass } from "@/components/ui/button";

/** Previous / next links of a list shown a page at a time; nothing when there is one page. Texts come translated. */
export function Pager({ page, pages, href, label, status, previous, next, testId }: { page: number; pages: number; href: (page: number) => string; label: string; status: string; previous: string; next: string; testId: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted" data-testid={testId}>
        {status}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={buttonClass("secondary", "px-3 py-1.5 text-xs")} rel="prev">
            {previous}
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={href(page + 1)} className={buttonClass("secondary", "px-3 py-1.5 text-xs")} rel="next">
            {next}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
