import { stopSupportViewAction } from "@/app/actions/support-view";
import { SupportViewBannerView } from "@/components/support/support-view-banner";
import { currentViewer } from "@/lib/actions/viewer";
import { now } from "@/lib/clock";
import { getTranslator } from "@/lib/i18n/server";

/** Self-contained: renders nothing unless this request is a staff member's live support view. */
export async function SupportViewBanner() {
  const viewer = await currentViewer();
  if (viewer.kind !== "impersonation") return null;
  const { t } = await getTranslator();
  const minutesLeft = Math.max(1, Math.ceil((viewer.view.expiresAt.getTime() - now().getTime()) / 60_000));
  return (
    <SupportViewBannerView t={t} staffName={viewer.view.staffName} accountName={viewer.view.accountName} reason={viewer.view.reason} minutesLeft={minutesLeft} stopAction={stopSupportViewAction} />
  );
}
