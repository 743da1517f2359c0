import { ForecastCard } from "@/components/spend/forecast-card";
import { UsageAdviceCard } from "@/components/spend/usage-advice";
import { customerContext, requireCustomerSection } from "@/lib/auth/session";
import { accountAdvice } from "@/lib/forecast/account-advice";
import { accountForecast } from "@/lib/forecast/account-forecast";
import { getTranslator } from "@/lib/i18n/server";

/**
 * The month-end forecast and the advice from the account's usage (issue 13), self-contained so the
 * overview and usage pages each render it with one line.
 */
export async function SpendOutlook() {
  const customer = await requireCustomerSection();
  const ctx = await customerContext(customer);
  const [forecast, { t, locale }] = await Promise.all([accountForecast({ ctx }), getTranslator()]);
  const advice = await accountAdvice({ ctx, forecast });
  return (
    // minmax(0, 1fr) columns and min-w-0 items: the forecast table scrolls inside its card instead of widening the page at 390 px.
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <div className="min-w-0">
        <ForecastCard t={t} locale={locale} forecast={forecast} />
      </div>
      <div className="min-w-0">
        <UsageAdviceCard t={t} locale={locale} advice={advice} />
      </div>
    </div>
  );
}
