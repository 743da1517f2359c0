import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { LiveOutlook } from "@/components/live/live-outlook";
import { customerContext, requireCustomerSection } from "@/lib/auth/session";
import { mayOpen } from "@/lib/identity/roles";
import { liveKeys } from "@/lib/live/keys";
import { forecastJson, serverQueryClient } from "@/lib/live/server";

/**
 * The month-end forecast and the advice from the account's usage (issue 13), self-contained so the
 * overview and usage pages each render it with one line: the forecast query prefetched here, the
 * cards drawn by the client component that keeps it fresh (issue 19 item 3).
 */
export async function SpendOutlook() {
  const customer = await requireCustomerSection();
  const ctx = await customerContext(customer);
  const queries = serverQueryClient();
  await queries.prefetchQuery({ queryKey: liveKeys.forecast, queryFn: () => forecastJson(ctx) });
  return (
    <HydrationBoundary state={dehydrate(queries)}>
      {/* The advice's "buy" goes to checkout: offered only to a role that may open it (docs/roles.md). */}
      <LiveOutlook canBuy={mayOpen(customer.memberRole, "/checkout")} />
    </HydrationBoundary>
  );
}
