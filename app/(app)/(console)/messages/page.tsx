import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InboxFilters } from "@/components/messaging/inbox-filters";
import { MarkReadButton } from "@/components/messaging/mark-read-button";
import { MessageList } from "@/components/messaging/message-list";
import { MessagesTabs } from "@/components/messaging/messages-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { inboxPage, unreadCount } from "@/lib/messaging/inbox";
import { Pager } from "@/components/ui/pager";
import { parseInboxFilter } from "@/lib/messaging/kinds";
import { paramValues, parsePageParam } from "@/lib/params/query";
import { markReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("inbox.title") };
}

/** The inbox shows this many messages a page, newest first. */
const PAGE_SIZE = 50;

export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ show?: string | string[]; page?: string | string[] }> }) {
  const customer = await requireCustomer("/messages");
  const params = await searchParams;
  const show = parseInboxFilter(params.show);
  const page = parsePageParam(paramValues(params, "page"));
  if (show === null || page === null) notFound();
  const ctx = await customerContext(customer);
  const input = { page, pageSize: PAGE_SIZE, unreadOnly: show === "unread", ...(show !== "all" && show !== "unread" ? { topic: show } : {}) };
  const [{ messages, total, pages }, unread] = await Promise.all([inboxPage({ ctx, input }), unreadCount({ ctx })]);
  // A page past the end is a page that does not exist.
  if (page > pages) notFound();
  const { t, locale } = await getTranslator();
  const pageHref = (target: number) => {
    const query = new URLSearchParams({ ...(show !== "all" ? { show } : {}), ...(target > 1 ? { page: String(target) } : {}) }).toString();
    return query ? `/messages?${query}` : "/messages";
  };
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
      <Pager
        page={page}
        pages={pages}
        href={pageHref}
        label={t("inbox.pages")}
        status={t("inbox.page", { page, pages, count: total })}
        previous={t("inbox.newer")}
        next={t("inbox.older")}
        testId="inbox-page"
      />
    </>
  );
}
