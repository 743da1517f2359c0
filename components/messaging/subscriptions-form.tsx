"use client";

import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { DeliveryChannel } from "@/db/schema/messaging";
import type { ActionResult } from "@/lib/actions/run";
import { errorMessage } from "@/lib/i18n/translator";
import type { SubscriptionTopic } from "@/lib/messaging/subscriptions";

export interface SubscriptionValue {
  topic: SubscriptionTopic;
  channel: DeliveryChannel;
  enabled: boolean;
  target: string;
}

const keyOf = (value: { topic: string; channel: string }) => `${value.topic}-${value.channel}`;

/**
 * Every topic × channel in one form with one Save: only the cells that changed are sent, each
 * through the same validated action; a refused cell shows its error and keeps what was typed.
 */
export function SubscriptionsForm({
  initial,
  topics,
  channels,
  update,
}: {
  initial: SubscriptionValue[];
  topics: { id: SubscriptionTopic; label: string }[];
  channels: readonly DeliveryChannel[];
  update: (value: SubscriptionValue) => Promise<ActionResult<null>>;
}) {
  const topicLabel = Object.fromEntries(topics.map((topic) => [topic.id, topic.label]));
  const { t } = useI18n();
  const [saved, setSaved] = useState(() => new Map(initial.map((value) => [keyOf(value), value])));
  const [values, setValues] = useState(saved);
  const [errors, setErrors] = useState(new Map<string, string>());
  const [status, setStatus] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const change = (key: string, patch: Partial<SubscriptionValue>) =>
    setValues((current) => {
      const next = new Map(current);
      const value = next.get(key);
      if (value) next.set(key, { ...value, ...patch });
      return next;
    });

  const cell = (topic: SubscriptionTopic, channel: DeliveryChannel) => {
    const key = keyOf({ topic, channel });
    const value = values.get(key);
    if (!value) return null;
    const error = errors.get(key);
    return (
      // On a phone (a stacked card) the channel's name is a line of its own above its fields.
      <div className="space-y-2 text-left max-sm:clear-both max-sm:pt-1">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={value.enabled} onChange={(e) => change(key, { enabled: e.target.checked })} className="h-4 w-4 accent-brand-600" />
          {t("subscriptions.enabled")}
          <span className="sr-only">
            {t(`subscriptions.channel.${channel}`)} ({topicLabel[topic]})
          </span>
        </label>
        <input
          aria-label={`${t(`subscriptions.target.${channel}`)} (${topicLabel[topic]})`}
          placeholder={t(`subscriptions.target.${channel}`)}
          value={value.target}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${key}-error` : undefined}
          onChange={(e) => change(key, { target: e.target.value })}
          className={`${inputClass} text-xs`}
        />
        {error ? (
          <p id={`${key}-error`} className="text-xs text-red-600">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const changed = [...values.values()].filter((value) => {
            const before = saved.get(keyOf(value));
            return !before || before.enabled !== value.enabled || before.target !== value.target;
          });
          const failed = new Map<string, string>();
          const stored = new Map(saved);
          for (const value of changed) {
            const result = await update(value);
            if (result.ok) stored.set(keyOf(value), value);
            else failed.set(keyOf(value), errorMessage(t, result.error));
          }
          setSaved(stored);
          setErrors(failed);
          setStatus(failed.size > 0 ? t("subscriptions.someFailed", { count: failed.size }) : t("subscriptions.saved"));
        });
      }}
      className="space-y-4"
    >
      <div role="region" aria-label={t("subscriptions.title")} tabIndex={0} className="relative overflow-x-auto rounded-lg border border-line bg-white">
        {/* On a phone each category is a card (`.table-stack`, app/globals.css): its channels one under another. */}
        <table className="table-stack min-w-full divide-y divide-line text-sm">
          <thead className="bg-canvas text-left text-xs text-muted">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("subscriptions.topic")}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("subscriptions.channel.console")}
              </th>
              {channels.map((channel) => (
                <th key={channel} scope="col" className="px-4 py-2 font-medium">
                  {t(`subscriptions.channel.${channel}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {topics.map((topic) => (
              <tr key={topic.id} className="align-top">
                <th scope="row" className="px-4 py-3 text-left font-medium">
                  {topic.label}
                </th>
                <td className="px-4 py-3 text-muted" data-label={t("subscriptions.channel.console")}>
                  {t("subscriptions.alwaysOn")}
                </td>
                {channels.map((channel) => (
                  <td key={channel} className="min-w-52 px-4 py-3" data-label={t(`subscriptions.channel.${channel}`)} data-testid={`subscription-${topic.id}-${channel}`}>
                    {cell(topic.id, channel)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("subscriptions.saveAll")}
        </Button>
        <span role="status" className="text-sm text-muted">
          {status}
        </span>
      </div>
    </form>
  );
}
