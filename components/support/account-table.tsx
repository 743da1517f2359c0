import Link from "@/components/ui/app-link";
import { Badge } from "@/components/ui/badge";
import type { AccountRow } from "@/lib/identity/account-search";
import type { Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate } from "@/lib/i18n/format-date";

const statusTone: Record<string, "green" | "amber" | "red"> = { active: "green", arrears: "amber", suspended: "red", disabled: "red" };

export function AccountTable({ t, locale, rows, emptyText }: { t: Translate; locale: Locale; rows: AccountRow[]; emptyText: string }) {
  if (rows.length === 0) return <p className="rounded-lg border border-dashed border-line bg-white px-4 py-10 text-center text-sm text-muted">{emptyText}</p>;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
      {/* On a phone each account is a card of labelled lines (`.table-stack`, app/globals.css), as on the customer pages. */}
      <table className="table-stack min-w-full divide-y divide-line text-sm">
        <thead className="bg-canvas text-left text-xs text-muted">
          <tr>
            <th className="px-4 py-2 font-medium">{t("staff.col.company")}</th>
            <th className="px-4 py-2 font-medium">{t("staff.col.email")}</th>
            <th className="px-4 py-2 font-medium">{t("staff.col.status")}</th>
            <th className="px-4 py-2 font-medium">{t("staff.col.created")}</th>
            <th className="px-4 py-2 font-medium">{t("staff.col.accountId")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.accountId}>
              <td className="px-4 py-2 font-medium">
                <Link href={`/staff/accounts/${row.accountId}`} className="text-brand-700 underline">
                  {row.name}
                </Link>
              </td>
              <td className="px-4 py-2" data-label={t("staff.col.email")}>
                {row.email}
              </td>
              <td className="px-4 py-2" data-label={t("staff.col.status")}>
                <Badge tone={statusTone[row.status] ?? "neutral"}>{t(`overview.status.${row.status as "active"}`)}</Badge>
              </td>
              <td className="px-4 py-2 whitespace-nowrap text-muted" data-label={t("staff.col.created")}>
                {formatDate(locale, row.createdAt)}
              </td>
              <td className="px-4 py-2 font-mono text-xs text-muted" data-label={t("staff.col.accountId")}>
                {row.accountId}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="border-t border-line px-4 py-2 text-xs text-muted">{t("staff.count", { count: rows.length })}</p>
    </div>
  );
}
