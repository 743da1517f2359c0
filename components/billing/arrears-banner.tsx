import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { ArrearsStanding } from "@/lib/billing/standing";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime } from "@/lib/i18n/format-date";
import type { Translate } from "@/lib/i18n/translate";
import { Dec, formatYuan } from "@/lib/pricing";
import { Countdown } from "./countdown";
import { monthList } from "./month-label";

/**
 * SPEC §6 on every console page: in arrears, how much is owed and the time left before suspension
 * (a live countdown to arrears_since + 24 h); suspended, why, what it means and how to restore.
 * Both lead to the top-up. Printed bills leave it out.
 */
export function ArrearsBanner({ t, locale, standing, now }: { t: Translate; locale: Locale; standing: ArrearsStanding; now: Date }) {
  const owed = formatYuan(standing.owed);
  const months = standing.months.length > 0 ? monthList(locale, standing.months) : "—";
  const suspended = standing.status === "suspended";
  return (
    <div role="alert" data-testid={suspended ? "suspended-banner" : "arrears-banner"} className={`no-print border-b px-4 py-3 sm:px-6 ${suspended ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-950"}`}>
      <div className="mx-auto flex max-w-[1400px] flex-wrap items-center justify-between gap-3">
        <div className="min-w-0 space-y-1 text-sm">
          <p className="font-semibold">{suspended ? t("banner.suspended.title") : t("banner.arrears.title", { owed })}</p>
          {suspended ? (
            <>
              <p>{t("banner.suspended.body", { months, balance: formatYuan(new Dec(0).minus(standing.owed)) })}</p>
              <p>{t("banner.suspended.restore", { owed })}</p>
            </>
          ) : (
            <>
              <p>{t("banner.arrears.body", { months, owed, deadline: standing.suspendAt ? formatDateTime(locale, standing.suspendAt) : "—" })}</p>
              {standing.suspendAt ? (
                <p>
                  <Countdown deadlineMs={standing.suspendAt.getTime()} serverNowMs={now.getTime()} />
                </p>
              ) : null}
            </>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <Link href="/bills" className={buttonClass("secondary")}>
            {t("banner.viewBills")}
          </Link>
          <Link href="/balance" className={buttonClass(suspended ? "danger" : "primary")}>
            {t("banner.topUp")}
          </Link>
        </div>
      </div>
    </div>
  );
}
