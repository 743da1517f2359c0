"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "@/components/ui/app-link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { fetchLive, LIVE_INTERVALS, liveKeys, type UnreadJson } from "@/lib/live/keys";

/**
 * The unread-message count in the top bar; a link to the inbox. Prefetched on the server (the
 * console layout), then refetched every few seconds while the tab is visible.
 */
export function MessageBell() {
  const { t } = useI18n();
  const { data } = useQuery({
    queryKey: liveKeys.unread,
    queryFn: () => fetchLive<UnreadJson>("/api/console/unread"),
    refetchInterval: LIVE_INTERVALS.unread,
  });
  const unread = data?.unread ?? 0;
  return (
    <Link href="/messages" aria-label={t("inbox.bell", { count: unread })} className="relative rounded-md p-1.5 text-muted hover:bg-canvas hover:text-ink">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white" data-testid="unread-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
