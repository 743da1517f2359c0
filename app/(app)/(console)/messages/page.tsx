import type { Metadata } from "next";
import { MarkReadButton } from "@/components/messaging/mark-read-button";
import { MessageList } from "@/components/messaging/message-list";
import { MessagesTabs } from "@/components/messaging/messages-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { listMessages, unreadCount } from "@/lib/messaging/inbox";
import { markReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("inbox.title") };
}

export default async function MessagesPage() {
  const customer = await requireCustomer("/messages");
  const ctx = await customerContext(customer);
  const [messages, unread] = await Promise.all([listMessages({ ctx, input: {} }), unreadCount({ ctx })]);
  const { t, locale } = await getTranslator();
  return (
    <>
      <PageHeader
        title={t("inbox.title")}
        description={t("inbox.subtitle")}
        actions={unread > 0 ? <MarkReadButton ids={[]} all markRead={markReadAction} /> : undefined}
      />
      <MessagesTabs t={t} active="inbox" />
      {unread > 0 ? <p className="mb-3 text-sm text-muted">{t("inbox.unread", { count: unread })}</p> : null}
      <MessageList t={t} locale={locale} messages={messages} markRead={markReadAction} />
    </>
  );
}
