import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InboxFilters } from "@/components/messaging/inbox-filters";
import { MarkReadButton } from "@/components/messaging/mark-read-button";
import { MessageList } from "@/components/messaging/message-list";
import { MessagesTabs } from "@/components/messaging/messages-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { listMessages, unreadCount } from "@/lib/messaging/inbox";
import { parseInboxFilter } from "@/lib/messaging/kinds";
import { markReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("inbox.title") };
}

/** The inbox lists at most this many messages, newest first; the page says so when there are more. */
const SHOWN = 100;

export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ show?: string | string[] }> }) {
  const customer = await requireCustomer("/messages");
  const show = parseInboxFilter((await searchParams).show);
  if (show === null) notFound();
  const ctx = await customerContext(customer);
  const input = { limit: SHOWN + 1, unreadOnly: show === "unread", ...(show !== "all" && show !== "unread" ? { topic: show } : {}) };
  const [listed, unread] = await Promise.all([listMessages({ ctx, input }), unreadCount({ ctx })]);
  const { t, locale } = await getTranslator();
  const messages = listed.slice(0, SHOWN);
  return (
    <>
      <PageHeader
        title={t("inbox.title")}
        description={t("inbox.subtitle")}
        actions={unread > 0 ? <MarkReadButton ids={[]} all markRead={markReadAction} /> : undefined}
      />
      <MessagesTabs t={t} active="inbox" />
      <InboxFilters t={t} active={show} />
      {unread > 0 ? <p className="mb-3 text-sm text-muted">{t("inbox.unread", { count: unread })}</p> : null}
      {show !== "all" && messages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white px-4 py-10 text-center text-sm text-muted">{t("inbox.emptyFilter")}</p>
      ) : (
        <MessageList t={t} locale={locale} messages={messages} markRead={markReadAction} />
      )}
      {listed.length > SHOWN ? <p className="mt-3 text-sm text-muted">{t("inbox.latestOnly", { count: SHOWN })}</p> : null}
    </>
  );
}
