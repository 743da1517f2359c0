import type { ComponentProps } from "react";
import type { Translate } from "@/lib/i18n/translate";
import { StopViewingButton } from "./stop-viewing-button";

/**
 * Shown on every console page while a staff member views the account (SPEC §8): who, whose, why, time left, stop.
 * Sticky under the top bar (h-14), so a view stays announced however far the page scrolls; on a phone a short
 * form (who, read-only, why in two lines at most) keeps it from filling the screen.
 */
export function SupportViewBannerView({
  t,
  staffName,
  accountName,
  reason,
  minutesLeft,
  stopAction,
}: {
  t: Translate;
  staffName: string;
  accountName: string;
  reason: string;
  minutesLeft: number;
  stopAction: ComponentProps<typeof StopViewingButton>["action"];
}) {
  return (
    <section
      aria-label={t("staff.view.title")}
      data-testid="support-view-banner"
      className="no-print sticky top-14 z-[5] -mx-4 mb-4 flex flex-col gap-1 bg-violet-800 px-4 py-2 text-sm text-white shadow-md sm:mx-0 sm:flex-row sm:items-center sm:justify-between sm:gap-3 sm:rounded-lg sm:py-3"
    >
      <p className="line-clamp-3 min-w-0 break-words sm:hidden">{t("supportView.compact", { staff: staffName, reason })}</p>
      <p className="hidden min-w-0 break-words sm:block">{t("supportView.banner", { staff: staffName, account: accountName, reason })}</p>
      <div className="flex shrink-0 items-center justify-between gap-3 sm:justify-end">
        <strong className="whitespace-nowrap">{t("supportView.minutesLeft", { minutes: minutesLeft })}</strong>
        <StopViewingButton action={stopAction} />
      </div>
    </section>
  );
}
