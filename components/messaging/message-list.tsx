import { Badge } from "@/components/ui/badge";
import type { InboxMessage } from "@/lib/messaging/inbox";
import Link from "@/components/ui/app-link";
import { presentMessage } from "@/lib/messaging/present";
import { formatDateTime } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { MarkReadButton } from "./mark-read-button";

export function MessageList({ t, locale, messages, markRead }: { t: Translate; locale: Locale; messages: InboxMessage[]; markRead: (ids: number[]) => Promise<unknown> }) {
  if (messages.length === 0) return <p className="rounded-lg border border-dashed border-line bg-white px-4 py-10 text-center text-sm text-muted">{t("inbox.empty")}</p>;
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white">
      {messages.map((message) => {
        const shown = presentMessage(t, locale, message);
        const unread = message.readAt === null;
        return (
          <li key={message.id} className={`flex gap-4 px-5 py-4 ${unread ? "bg-brand-50/40" : ""}`} data-unread={unread}>
            <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${unread ? "bg-brand-600" : "bg-transparent"}`} />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className={`text-sm ${unread ? "font-semibold" : "font-medium"}`}>
                  <Link href={shown.href} className="text-ink hover:underline">
                    {shown.title}
                  </Link>
                </h2>
                {unread ? <Badge tone="blue">{t("inbox.unreadBadge")}</Badge> : null}
              </div>
              {shown.body ? <p className="mt-1 text-sm text-muted">{shown.body}</p> : null}
              <p className="mt-1 text-xs text-muted">
                <time dateTime={message.createdAt.toISOString()}>{formatDateTime(locale, message.createdAt)}</time>
              </p>
            </div>
            {unread ? (
              <div className="shrink-0">
                <MarkReadButton ids={[message.id]} markRead={markRead} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
