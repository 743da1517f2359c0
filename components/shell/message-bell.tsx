import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";

/** The unread-message count in the top bar; a link to the inbox. */
export function MessageBell({ t, unread }: { t: Translate; unread: number }) {
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
