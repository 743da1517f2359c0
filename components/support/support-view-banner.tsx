import type { ComponentProps } from "react";
import type { Translate } from "@/lib/i18n/translate";
import { StopViewingButton } from "./stop-viewing-button";

/** Shown on every console page while a staff member views the account (SPEC §8): who, whose, why, time left, stop. */
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
    <section aria-label={t("staff.view.title")} data-testid="support-view-banner" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg bg-violet-800 px-4 py-3 text-sm text-white">
      <p className="min-w-0 break-words">
        {t("supportView.banner", { staff: staffName, account: accountName, reason })} <strong className="whitespace-nowrap">{t("supportView.minutesLeft", { minutes: minutesLeft })}</strong>
      </p>
      <StopViewingButton action={stopAction} />
    </section>
  );
}
