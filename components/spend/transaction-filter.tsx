import Link from "@/components/ui/app-link";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { Translate } from "@/lib/i18n/translate";

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * The balance page's date filter (a plain GET form, so it works without JavaScript) and its CSV download.
 * `from`/`to` are the filter in force (the links keep it); a refused filter comes back as `typed`, what
 * the address said, kept in the fields beside the error (never reset silently), with `min`/`max` the
 * range lib/params/calendar accepts.
 */
export function TransactionFilter({
  t,
  from,
  to,
  typed,
  error,
  min,
  max,
}: {
  t: Translate;
  from: string | null;
  to: string | null;
  typed?: { from: string; to: string };
  error?: { field: string; message: string };
  min: string;
  max: string;
}) {
  const invalid = (field: string) => (error?.field === field ? true : undefined);
  return (
    <form method="get" action="/balance" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("wallet.transactions")}>
      {error ? (
        <div className="basis-full" id="tx-filter-error">
          <Alert tone="error">{error.message}</Alert>
        </div>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="tx-from" className="block text-xs font-medium text-muted">
          {t("transactions.filter.from")}
        </label>
        <input id="tx-from" name="from" type="date" min={min} max={max} defaultValue={typed?.from ?? from ?? ""} aria-invalid={invalid("from")} aria-describedby={invalid("from") && "tx-filter-error"} className={`${inputClass} w-40`} />
      </div>
      <div className="space-y-1">
        <label htmlFor="tx-to" className="block text-xs font-medium text-muted">
          {t("transactions.filter.to")}
        </label>
        <input id="tx-to" name="to" type="date" min={min} max={max} defaultValue={typed?.to ?? to ?? ""} aria-invalid={invalid("to")} aria-describedby={invalid("to") && "tx-filter-error"} className={`${inputClass} w-40`} />
      </div>
      <button type="submit" className={buttonClass("secondary", "px-3 py-2")}>
        {t("transactions.filter.apply")}
      </button>
      {from || to || typed ? (
        <Link href="/balance" className="py-2 text-sm text-brand-600 hover:underline">
          {t("transactions.filter.clear")}
        </Link>
      ) : null}
      {/* A refused filter lists nothing, so it offers no download of everything either. */}
      {error ? null : (
        <a href={`/balance/transactions-csv${query({ from, to })}`} className="ml-auto py-2 text-sm text-brand-600 hover:underline" download data-testid="transactions-csv">
          {t("export.transactions")}
        </a>
      )}
    </form>
  );
}

/** Previous / next pages of the transaction list, keeping the date filter. */
export function TransactionPager({ t, from, to, page, pages, total }: { t: Translate; from: string | null; to: string | null; page: number; pages: number; total: number }) {
  const link = (target: number) => `/balance${query({ from, to, page: target > 1 ? target : null })}#transactions`;
  return (
    <nav aria-label={t("transactions.pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted" data-testid="transactions-page">
        {t("transactions.page", { page, pages, count: total })}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={link(page - 1)} className={buttonClass("secondary", "px-3 py-1.5 text-xs")} rel="prev">
            {t("transactions.previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={link(page + 1)} className={buttonClass("secondary", "px-3 py-1.5 text-xs")} rel="next">
            {t("transactions.next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
