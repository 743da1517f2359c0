import type { Metadata } from "next";
import { MessagesTabs } from "@/components/messaging/messages-tabs";
import { SubscriptionCell } from "@/components/messaging/subscription-row";
import { PageHeader } from "@/components/shell/page-header";
import { deliveryChannels } from "@/db/schema/messaging";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { listSubscriptions, subscriptionTopics } from "@/lib/messaging/subscriptions";

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
      <div className="overflow-x-auto rounded-lg border border-line bg-white">
        <table className="min-w-full divide-y divide-line text-sm">
          <thead className="bg-canvas text-left text-xs text-muted">
            <tr>
              <th className="px-4 py-2 font-medium">{t("subscriptions.topic")}</th>
              <th className="px-4 py-2 font-medium">{t("subscriptions.channel.console")}</th>
              {deliveryChannels.map((channel) => (
                <th key={channel} className="px-4 py-2 font-medium">
                  {t(`subscriptions.channel.${channel}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {subscriptionTopics.map((topic) => (
              <tr key={topic} className="align-top">
                <th scope="row" className="px-4 py-3 text-left font-medium">
                  {t(topic === "account" ? "subscriptions.topic.account" : `product.${topic}`)}
                </th>
                <td className="px-4 py-3 text-muted">{t("subscriptions.alwaysOn")}</td>
                {deliveryChannels.map((channel) => {
                  const row = cell(topic, channel);
                  return (
                    <td key={channel} className="min-w-52 px-4 py-3">
                      <SubscriptionCell topic={topic} channel={channel} enabled={row?.enabled ?? false} target={row?.target ?? ""} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
