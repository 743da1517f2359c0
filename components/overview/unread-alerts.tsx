import Link from "@/components/ui/app-link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime } from "@/lib/i18n/format-date";
import type { Translate } from "@/lib/i18n/translate";
import type { InboxMessage } from "@/lib/messaging/inbox";
import { presentMessage } from "@/lib/messaging/present";

/** The latest three unread messages, each with its title and body, and a link to the inbox. */
export function UnreadAlerts({ t, locale, messages, unread }: { t: Translate; locale: Locale; messages: InboxMessage[]; unread: number }) {
  return (
    <Card
      title={t("overview.alerts.title")}
      actions={
        <Link href="/messages" className="text-sm text-brand-600 hover:underline">
          {t("overview.alerts.link", { count: unread })}
        </Link>
      }
    >
      {messages.length === 0 ? (
        <EmptyState>{t("overview.alerts.none")}</EmptyState>
      ) : (
        <ul className="divide-y divide-line">
          {messages.map((message) => {
            const shown = presentMessage(t, locale, message);
            return (
              <li key={message.id} className="py-2.5 text-sm" data-testid="overview-alert">
                <Link href={shown.href} className="font-medium text-ink hover:underline">
                  {shown.title}
                </Link>
                {shown.body ? <p className="mt-0.5 line-clamp-2 text-xs text-muted">{shown.body}</p> : null}
                <p className="mt-0.5 text-xs text-muted">{formatDateTime(locale, message.createdAt)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
