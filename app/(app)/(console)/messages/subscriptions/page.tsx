import type { Metadata } from "next";
import { MessagesTabs } from "@/components/messaging/messages-tabs";
import { SubscriptionsForm } from "@/components/messaging/subscriptions-form";
import { PageHeader } from "@/components/shell/page-header";
import { deliveryChannels } from "@/db/schema/messaging";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { listSubscriptions, subscriptionTopics } from "@/lib/messaging/subscriptions";
import { updateSubscriptionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("subscriptions.title") };
}

export default async function SubscriptionsPage() {
  const customer = await requireCustomer("/messages/subscriptions");
  const rows = await listSubscriptions({ ctx: await customerContext(customer) });
  const { t } = await getTranslator();
  const cell = (topic: string, channel: string) => rows.find((r) => r.topic === topic && r.channel === channel);
  return (
    <>
      <PageHeader title={t("inbox.title")} description={t("subscriptions.subtitle")} />
      <MessagesTabs t={t} active="subscriptions" />
      <SubscriptionsForm
        update={updateSubscriptionAction}
        topics={subscriptionTopics.map((topic) => ({ id: topic, label: t(topic === "account" ? "subscriptions.topic.account" : `product.${topic}`) }))}
        channels={deliveryChannels}
        initial={subscriptionTopics.flatMap((topic) =>
          deliveryChannels.map((channel) => {
            const row = cell(topic, channel);
            return { topic, channel, enabled: row?.enabled ?? false, target: row?.target ?? "" };
          }),
        )}
      />
    </>
  );
}
