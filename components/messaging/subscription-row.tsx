"use client";

import { useState, useTransition } from "react";
import { updateSubscriptionAction } from "@/app/(console)/messages/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { DeliveryChannel } from "@/db/schema/messaging";
import { errorMessage } from "@/lib/i18n/translate";
import type { SubscriptionTopic } from "@/lib/messaging/subscriptions";

/** One topic × channel: on/off and the address, saved together. */
export function SubscriptionCell({ topic, channel, enabled, target }: { topic: SubscriptionTopic; channel: DeliveryChannel; enabled: boolean; target: string }) {
  const { t } = useI18n();
  const [on, setOn] = useState(enabled);
  const [address, setAddress] = useState(target);
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `${topic}-${channel}`;
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await updateSubscriptionAction({ topic, channel, enabled: on, target: address });
          setStatus(result.ok ? { tone: "ok", text: t("subscriptions.saved") } : { tone: "error", text: errorMessage(t, result.error) });
        });
      }}
    >
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} className="h-4 w-4 accent-brand-600" aria-describedby={`${id}-status`} />
        {t("subscriptions.enabled")}
      </label>
      <input
        aria-label={`${t(`subscriptions.target.${channel}`)} (${t(topic === "account" ? "subscriptions.topic.account" : `product.${topic}`)})`}
        placeholder={t(`subscriptions.target.${channel}`)}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        className={`${inputClass} text-xs`}
      />
      <div className="flex items-center gap-2">
        <button type="submit" disabled={pending} className={buttonClass("secondary", "px-3 py-1 text-xs")}>
          {t("subscriptions.save")}
        </button>
        <span id={`${id}-status`} role="status" className={`text-xs ${status?.tone === "error" ? "text-red-600" : "text-emerald-700"}`}>
          {status?.text}
        </span>
      </div>
    </form>
  );
}
