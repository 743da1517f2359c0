import type { Translate } from "@/lib/i18n/translate";
import type { WalletJson } from "@/lib/live/keys";
import { yuanText } from "@/lib/pricing/money-text";

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-line bg-white px-4 py-3 shadow-sm">
      <p className="text-xs text-muted">{label}</p>
      <p className={`tabular mt-1 text-lg font-semibold ${value.startsWith("-") ? "text-red-700" : "text-ink"}`} data-testid={testId}>
        {yuanText(value)}
      </p>
      {hint ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
    </div>
  );
}

/** The balance and its sub-accounts (SPEC §3), as every money page shows them. Renders on either side (no decimal.js: the figures are the server's strings). */
export function BalanceFigures({ t, wallet }: { t: Translate; wallet: WalletJson }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
      <div className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 sm:col-span-2 xl:col-span-1">
        <p className="text-xs text-brand-700">{t("wallet.total")}</p>
        <p className={`tabular mt-1 text-2xl font-semibold ${wallet.total.startsWith("-") ? "text-red-700" : "text-ink"}`} data-testid="balance-total">
          {yuanText(wallet.total)}
        </p>
      </div>
      <Figure label={t("wallet.cash")} value={wallet.cash} testId="balance-cash" />
      <Figure label={t("wallet.income")} value={wallet.income} testId="balance-income" />
      <Figure label={t("wallet.gift")} value={wallet.gift} testId="balance-gift" />
      <Figure label={t("wallet.frozen")} value={wallet.frozen} testId="balance-frozen" />
    </div>
  );
}
