import Link from "@/components/ui/app-link";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime, formatMonthList } from "@/lib/i18n/format-date";
import type { Translate } from "@/lib/i18n/translator";
import type { StandingJson } from "@/lib/live/keys";
import { yuanText } from "@/lib/pricing/money-text";
import { Countdown } from "./countdown";

/**
 * SPEC §6 on every console page: in arrears, how much is owed and the time left before suspension
 * (a live countdown to arrears_since + 24 h); suspended, why, what it means and how to restore.
 * Both lead to the top-up. Printed bills leave it out. Rendered in the browser by LiveStandingBanner
 * from the standing's JSON (money as the server's strings, so no decimal.js here).
 */
export function ArrearsBanner({ t, locale, standing, nowMs }: { t: Translate; locale: Locale; standing: NonNullable<StandingJson["standing"]>; nowMs: number }) {
  const owed = yuanText(standing.owed);
  // The balance is minus what is owed (owed is what brings it back to zero).
  const balance = standing.owed === "0.00" ? yuanText("0.00") : yuanText(`-${standing.owed}`);
  const suspendAt = standing.suspendAt ? new Date(standing.suspendAt) : null;
  const months = standing.months.length > 0 ? formatMonthList(locale, standing.months) : "—";
  const suspended = standing.status === "suspended";
  return (
    <div role="alert" data-testid={suspended ? "suspended-banner" : "arrears-banner"} className={`no-print border-b px-4 py-3 sm:px-6 ${suspended ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-950"}`}>
      <div className="mx-auto flex max-w-[1400px] flex-wrap items-center justify-between gap-3">
        <div className="min-w-0 space-y-1 text-sm">
          <p className="font-semibold">{suspended ? t("banner.suspended.title") : t("banner.arrears.title", { owed })}</p>
          {suspended ? (
            <>
              <p>{t("banner.suspended.body", { months, balance: balance })}</p>
              <p>{t("banner.suspended.restore", { owed })}</p>
            </>
          ) : (
            <>
              <p>{t("banner.arrears.body", { months, owed, deadline: suspendAt ? formatDateTime(locale, suspendAt) : "—" })}</p>
              {suspendAt ? (
                <p>
                  <Countdown deadlineMs={suspendAt.getTime()} serverNowMs={nowMs} />
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
