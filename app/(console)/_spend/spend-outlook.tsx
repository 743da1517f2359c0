import { ForecastCard } from "@/components/spend/forecast-card";
import { UsageAdviceCard } from "@/components/spend/usage-advice";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { accountAdvice } from "@/lib/forecast/account-advice";
import { accountForecast } from "@/lib/forecast/account-forecast";
import { getTranslator } from "@/lib/i18n/server";

/**
 * The month-end forecast and the advice from the account's usage (issue 13), self-contained so the
 * overview and usage pages each render it with one line.
 */
export async function SpendOutlook() {
  const customer = await requireCustomer();
  const ctx = await customerContext(customer);
  const [forecast, { t, locale }] = await Promise.all([accountForecast({ ctx }), getTranslator()]);
  const advice = await accountAdvice({ ctx, forecast });
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ForecastCard t={t} locale={locale} forecast={forecast} />
      <UsageAdviceCard t={t} locale={locale} advice={advice} />
    </div>
  );
}
