import Link from "@/components/ui/app-link";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { HeldPaymentNotice } from "@/lib/support/payment-notices";

const OUTCOMES = ["closed-order", "unknown-order", "amount-mismatch", "app-mismatch"] as const;

/** The staff home's list of paid notices that were not credited (issue 20): each needs a person. */
export function HeldPaymentNotices({ t, locale, notices }: { t: Translate; locale: Locale; notices: HeldPaymentNotice[] }) {
  return (
    <section className="mb-6 rounded-lg border border-line bg-white p-4" aria-labelledby="held-payments" data-testid="held-payment-notices">
      <h2 id="held-payments" className="text-sm font-semibold">
        {t("staff.payments.title")}
      </h2>
      <p className="mb-2 text-xs text-muted">{t("staff.payments.hint")}</p>
      {notices.length === 0 ? (
        <EmptyState>{t("staff.payments.none")}</EmptyState>
      ) : (
        <Table label={t("staff.payments.title")}>
          <thead>
            <tr>
              <Th>{t("staff.payments.received")}</Th>
              <Th>{t("staff.payments.account")}</Th>
              <Th>{t("staff.payments.order")}</Th>
              <Th className="text-right">{t("staff.payments.amount")}</Th>
              <Th>{t("staff.payments.why")}</Th>
            </tr>
          </thead>
          <tbody>
            {notices.map((n) => (
              <tr key={n.id}>
                <Td className="whitespace-nowrap text-muted">{formatDateTime(locale, n.receivedAt)}</Td>
                <Td>
                  {n.accountId ? (
                    <Link href={`/staff/accounts/${n.accountId}`} className="text-brand-700 underline">
                      {n.accountName ?? n.accountId}
                    </Link>
                  ) : (
                    t("staff.payments.noAccount")
                  )}
                </Td>
                <Td className="font-mono text-xs">
                  {n.provider}: {n.providerOrderId}
                  {n.providerTradeNo ? <span className="block text-muted">{n.providerTradeNo}</span> : null}
                </Td>
                <Td className="text-right">¥{n.amount}</Td>
                <Td>{(OUTCOMES as readonly string[]).includes(n.outcome) ? t(`staff.payments.outcome.${n.outcome as (typeof OUTCOMES)[number]}`) : n.outcome}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
