"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { BalanceFigures } from "@/components/wallet/balance-figures";
import { fetchLive, LIVE_INTERVALS, liveKeys, type BalanceJson } from "@/lib/live/keys";
import { yuanText } from "@/lib/pricing/money-text";

/**
 * The balance page's figures and the top-up it was sent back for (`?topup=`). Prefetched by the
 * page; refetched while the tab is visible, every few seconds while that top-up is still pending.
 * When it turns paid the page's server parts (the transaction list), the standing banner and the
 * bell are refreshed too.
 */
export function LiveBalance({ topUpId }: { topUpId: string | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const queries = useQueryClient();
  const { data } = useQuery({
    queryKey: liveKeys.balance(topUpId),
    queryFn: () => fetchLive<BalanceJson>(`/api/console/balance${topUpId ? `?topup=${encodeURIComponent(topUpId)}` : ""}`),
    refetchInterval: (query) => (query.state.data?.topUp?.status === "pending" ? LIVE_INTERVALS.pendingTopUp : LIVE_INTERVALS.balance),
  });
  const status = data?.topUp?.status;
  const seen = useRef(status);
  useEffect(() => {
    if (seen.current === "pending" && status === "paid") {
      // The top-up may have ended arrears (the banner) and it sent a message (the bell).
      void queries.invalidateQueries({ queryKey: liveKeys.standing });
      void queries.invalidateQueries({ queryKey: liveKeys.unread });
      router.refresh();
    }
    seen.current = status;
  }, [status, router, queries]);
  if (!data) return null;
  const { topUp } = data;
  return (
    <>
      {topUp && (topUp.status === "pending" || topUp.status === "paid") ? (
        <div data-testid="top-up-status" data-status={topUp.status}>
          <Alert tone={topUp.status === "paid" ? "success" : "info"}>{t(topUp.status === "paid" ? "wallet.topUp.paid" : "wallet.topUp.waiting", { amount: yuanText(topUp.amount) })}</Alert>
        </div>
      ) : null}
      <BalanceFigures t={t} wallet={data.wallet} />
    </>
  );
}
