"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { fetchLive, LIVE_INTERVALS, liveKeys, type OrderStatusJson } from "@/lib/live/keys";
import { yuanText } from "@/lib/pricing/money-text";

/**
 * A pending order's live status (issue 20): prefetched by the page, refetched every few seconds while
 * it is pending. What the provider reports is shown as such ("paid at Alipay, being confirmed"); the
 * order turns paid only when the verified notice has credited it. Then the page's server parts, the
 * balance and the bell are refreshed.
 */
export function LiveOrderStatus({ id }: { id: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const queries = useQueryClient();
  const { data } = useQuery({
    queryKey: liveKeys.order(id),
    queryFn: () => fetchLive<OrderStatusJson>(`/api/console/orders/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data?.status === "pending" ? LIVE_INTERVALS.pendingOrder : LIVE_INTERVALS.order),
  });
  const status = data?.status;
  const seen = useRef(status);
  useEffect(() => {
    if (seen.current === "pending" && status !== "pending") {
      void queries.invalidateQueries({ queryKey: ["console", "balance"] });
      void queries.invalidateQueries({ queryKey: liveKeys.unread });
      void queries.invalidateQueries({ queryKey: liveKeys.standing });
      router.refresh();
    }
    seen.current = status;
  }, [status, router, queries]);
  if (!data) return null;
  const line =
    data.status === "paid"
      ? { tone: "success" as const, text: t("orders.live.paid", { amount: yuanText(data.amount) }) }
      : data.status === "closed"
        ? { tone: "info" as const, text: t("orders.live.closed") }
        : data.status !== "pending"
          ? null
          : data.provider === "paid"
            ? { tone: "info" as const, text: t("orders.live.paidAtProvider") }
            : data.provider === "unreachable"
              ? { tone: "warning" as const, text: t("orders.live.providerUnreachable") }
              : { tone: "info" as const, text: t("orders.live.pending") };
  if (!line) return null;
  return (
    <div data-testid="order-live-status" data-status={data.status} data-provider={data.provider ?? ""} aria-live="polite">
      <Alert tone={line.tone}>{line.text}</Alert>
    </div>
  );
}
