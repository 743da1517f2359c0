import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { LiveOutlook } from "@/components/live/live-outlook";
import { customerContext, requireCustomerSection } from "@/lib/auth/session";
import { mayOpen } from "@/lib/identity/roles";
import { prefetchForecast, serverQueryClient } from "@/lib/live/server";

/**
 * The month-end forecast and the advice from the account's usage (issue 13), self-contained so the
 * overview and usage pages each render it with one line: the forecast query prefetched here, the
 * cards drawn by the client component that keeps it fresh (issue 19 item 3). A page that shows it
 * calls `prefetchForecast` before its own reads, so the forecast is not read after them.
 */
export async function SpendOutlook() {
  const customer = await requireCustomerSection();
  const ctx = await customerContext(customer);
  const queries = serverQueryClient();
  // The page started it beside its own reads (prefetchForecast): this joins that read.
  await prefetchForecast(ctx);
  return (
    <HydrationBoundary state={dehydrate(queries)}>
      {/* The advice's "buy" goes to checkout: offered only to a role that may open it (docs/roles.md). */}
      <LiveOutlook canBuy={mayOpen(customer.memberRole, "/checkout")} />
    </HydrationBoundary>
  );
}
