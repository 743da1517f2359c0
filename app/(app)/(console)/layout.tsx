import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/shell/account-menu";
import { AppShell } from "@/components/shell/app-shell";
import { customerNavFor } from "@/components/shell/nav";
import { MessageBell } from "@/components/shell/message-bell";
import { LiveStandingBanner } from "@/components/live/live-standing-banner";
import { SandboxPaymentsBadge } from "@/components/wallet/sandbox-payments-badge";
import { customerContext, requireCustomerSection } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { signOutAction } from "@/app/actions/session";
import { SupportViewFrame } from "./support-view-banner";
import { liveKeys } from "@/lib/live/keys";
import { serverQueryClient, standingJson, unreadJson } from "@/lib/live/server";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const customer = await requireCustomerSection();
  const ctx = await customerContext(customer);
  // The live queries start from the server's figures (no loading flash), then refresh in the browser.
  const queries = serverQueryClient();
  const [{ t }] = await Promise.all([
    getTranslator(),
    queries.prefetchQuery({ queryKey: liveKeys.unread, queryFn: () => unreadJson(ctx) }),
    queries.prefetchQuery({ queryKey: liveKeys.standing, queryFn: () => standingJson(ctx) }),
  ]);
  const state = dehydrate(queries);
  return (
    <AppShell
      t={t}
      nav={customerNavFor(customer.memberRole)}
      home="/"
      menu={
        <HydrationBoundary state={state}>
          <SandboxPaymentsBadge />
          <MessageBell />
          <AccountMenu t={t} email={customer.email} roleLabel={t(`members.role.${customer.memberRole}`)} accountId={customer.accountId} audience="customer" signOut={signOutAction} />
        </HydrationBoundary>
      }
      // SPEC §6: an account in arrears or suspended sees it, and the way out, on every page.
      // A live query: it appears and goes as the standing changes, without a reload.
      banner={
        <HydrationBoundary state={state}>
          <LiveStandingBanner />
        </HydrationBoundary>
      }
    >
      <SupportViewFrame>{children}</SupportViewFrame>
    </AppShell>
  );
}
