import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { SpendOutlook } from "./_spend/spend-outlook";
import { ClosingNotice } from "@/components/billing/closing-notice";
import { ActiveServices } from "@/components/overview/active-services";
import { AttentionPacks } from "@/components/overview/attention-packs";
import { LiveEstimateCard } from "@/components/live/live-estimate-card";
import { NextSteps } from "@/components/overview/next-steps";
import { UnreadAlerts } from "@/components/overview/unread-alerts";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { BalanceFigures } from "@/components/wallet/balance-figures";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { latestBill } from "@/lib/billing/bills";
import { monthClosing } from "@/lib/billing/closing";
import { getOwnAccount } from "@/lib/identity/account";
import { formatDate } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { listMessages } from "@/lib/messaging/inbox";
import { liveKeys } from "@/lib/live/keys";
import { prefetchForecast, serverQueryClient, unreadJson, usageMonthJson } from "@/lib/live/server";
import { listApiKeys } from "@/lib/metering/api-keys";
import { activeProducts } from "@/lib/packs/activation";
import { packsNeedingAttention } from "@/lib/metering/pack-attention";
import { Dec, monthOf } from "@/lib/pricing";
import { getWallet } from "@/lib/wallet/balance";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("overview.title") };
}

const statusTone = { active: "green", arrears: "amber", suspended: "red", disabled: "red" } as const;

/**
 * The console's home (issue 6): the balance, this month's estimate, packs to watch, active
 * services and unread alerts. The arrears or suspension banner comes from the console layout, so
 * it shows here and on every other page alike.
 */
export default async function OverviewPage() {
  const customer = await requireCustomer("/");
  const ctx = await customerContext(customer);
  const month = monthOf(ctx.now);
  // This month's usage is the live query the usage page reads too (issue 19 item 3), prefetched here.
  const queries = serverQueryClient();
  // The forecast (SpendOutlook, below) is read beside the page's reads, not after them.
  void prefetchForecast(ctx);
  const [account, wallet, , lastBill, packs, active, { unread }, messages, keys, closing, { t, locale }] = await Promise.all([
    getOwnAccount({ ctx }),
    getWallet({ ctx }),
    queries.prefetchQuery({ queryKey: liveKeys.usage(month), queryFn: () => usageMonthJson(ctx, month) }),
    latestBill({ ctx }),
    packsNeedingAttention({ ctx }),
    activeProducts({ ctx }),
    // The bell's count (the console layout reads it too: one read a request).
    unreadJson(ctx),
    listMessages({ ctx, input: { unreadOnly: true, limit: 3 } }),
    listApiKeys({ ctx }),
    monthClosing({ ctx }),
    getTranslator(),
  ]);
  const steps = { activated: active.size > 0, toppedUp: new Dec(wallet.total).gt(0), hasKey: keys.some((key) => key.revokedAt === null) };
  return (
    <>
      <PageHeader title={t("overview.welcome", { name: account.name })} description={t("overview.subtitle")} />
      <div className="space-y-6">
        <ClosingNotice t={t} locale={locale} closing={closing} />
        <NextSteps t={t} steps={steps} />
        <section aria-label={t("overview.balance.title")}>
          <div className="mb-2 flex items-baseline justify-between">
            <h2 className="text-sm font-semibold text-ink">{t("overview.balance.title")}</h2>
            <Link href="/balance" className="text-sm text-brand-600 hover:underline">
              {t("overview.balance.link")}
            </Link>
          </div>
          <BalanceFigures t={t} wallet={wallet} />
        </section>
        <SpendOutlook />
        <div className="grid gap-6 lg:grid-cols-3">
          <HydrationBoundary state={dehydrate(queries)}>
            <LiveEstimateCard month={month} lastBill={lastBill} />
          </HydrationBoundary>
          <div className="lg:col-span-2">
            <ActiveServices t={t} locale={locale} active={active} />
          </div>
          <div className="lg:col-span-2">
            <AttentionPacks t={t} locale={locale} packs={packs} />
          </div>
          <UnreadAlerts t={t} locale={locale} messages={messages} unread={unread} />
        </div>
        <Card title={t("overview.accountStatus")}>
          <dl className="grid gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted">{t("overview.accountStatus")}</dt>
              <dd className="mt-0.5" data-testid="account-status">
                <Badge tone={statusTone[account.status]}>{t(`overview.status.${account.status}`)}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-muted">{t("overview.accountId")}</dt>
              <dd className="mt-0.5 font-mono text-xs break-all select-all">{account.id}</dd>
            </div>
            <div>
              <dt className="text-muted">{t("overview.memberSince")}</dt>
              <dd className="mt-0.5">{formatDate(locale, account.createdAt)}</dd>
            </div>
          </dl>
          <Link href="/calculator" className="mt-4 inline-block text-sm text-brand-600 hover:underline">
            {t("overview.gettingStarted.calculator")}
          </Link>
        </Card>
      </div>
    </>
  );
}
