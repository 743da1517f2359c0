import "server-only";
import type { ServiceContext } from "@/lib/context";
import { dailyUsage } from "@/lib/metering/daily-usage";
import type { ApiId } from "@/lib/pricing";

export interface DailyUsageRow {
  day: string;
  api: ApiId;
  calls: number;
  free: number;
  fromPacks: number;
  billable: number;
}

/**
 * A month's usage per Shanghai day and API (days with calls only), by day then catalog order:
 * the rows of `GET /api/v1/usage/daily` and of the usage page's CSV, from the same hourly
 * aggregates as the usage charts (lib/metering/daily-usage.ts).
 */
export async function dailyUsageRows({ ctx, input }: { ctx: ServiceContext; input: { month: string } }): Promise<DailyUsageRow[]> {
  const usage = await dailyUsage({ ctx, input });
  const rows: DailyUsageRow[] = [];
  usage.days.forEach((day, index) => {
    for (const entry of usage.apis) {
      const split = entry.days[index];
      if (split && split.calls > 0) rows.push({ day, api: entry.api, calls: split.calls, free: split.free, fromPacks: split.fromPacks, billable: split.billable });
    }
  });
  return rows;
}
