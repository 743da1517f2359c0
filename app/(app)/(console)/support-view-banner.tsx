import type { ReactNode } from "react";
import { stopSupportViewAction } from "@/app/actions/support-view";
import { SupportViewBannerView } from "@/components/support/support-view-banner";
import { ReadOnlyViewProvider } from "@/components/ui/read-only-view";
import { currentViewer } from "@/lib/actions/viewer";
import { now } from "@/lib/clock";
import { getTranslator } from "@/lib/i18n/server";

/**
 * Self-contained: the page as it is, unless this request is a staff member's live support view. Then the
 * banner sits above it and the page's write buttons turn themselves off (components/ui/read-only-view.tsx).
 */
export async function SupportViewFrame({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  if (viewer.kind !== "impersonation") return children;
  const { t } = await getTranslator();
  const minutesLeft = Math.max(1, Math.ceil((viewer.view.expiresAt.getTime() - now().getTime()) / 60_000));
  return (
    <>
      <SupportViewBannerView t={t} staffName={viewer.view.staffName} accountName={viewer.view.accountName} reason={viewer.view.reason} minutesLeft={minutesLeft} stopAction={stopSupportViewAction} />
      <ReadOnlyViewProvider note={t("supportView.disabledNote")}>{children}</ReadOnlyViewProvider>
    </>
  );
}
