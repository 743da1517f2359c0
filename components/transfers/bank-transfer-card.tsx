import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { BankDetails } from "@/lib/transfers/bank-details";
import { groupReference } from "@/lib/transfers/reference";

/** The balance page's 对公汇款 card: the account's reference and where to send the money. */
export function BankTransferCard({ t, reference, bank }: { t: Translate; reference: string; bank: BankDetails | null }) {
  return (
    <Card title={t("wallet.transfer.title")} className="lg:col-span-2">
      <p className="mb-3 text-sm text-muted">{t("wallet.transfer.body")}</p>
      <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">{t("wallet.transfer.reference")}</dt>
        <dd className="font-mono text-base font-semibold tracking-wider" data-testid="remittance-reference" data-reference={reference}>
          {groupReference(reference)}
        </dd>
        {bank ? (
          <>
            <dt className="text-muted">{t("wallet.transfer.accountName")}</dt>
            <dd className="break-words" data-testid="payee-account-name">
              {bank.accountName}
            </dd>
            <dt className="text-muted">{t("wallet.transfer.bankName")}</dt>
            <dd className="break-words">{bank.bankName}</dd>
            <dt className="text-muted">{t("wallet.transfer.accountNumber")}</dt>
            <dd className="break-all font-mono" data-testid="payee-account-number">
              {bank.accountNumber}
            </dd>
          </>
        ) : null}
      </dl>
      {bank ? null : <p className="mt-3 text-sm text-muted">{t("wallet.transfer.noBankDetails")}</p>}
      {bank?.demo ? (
        <p className="mt-3 text-xs text-amber-800" data-testid="payee-demo">
          {t("wallet.transfer.demo")}
        </p>
      ) : null}
    </Card>
  );
}
