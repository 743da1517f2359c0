import { joinList } from "@/lib/i18n/list";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/locales";
import { validThrough } from "@/lib/i18n/valid-through";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing";
import type { VoucherView } from "@/lib/wallet/balance";

const tone = { usable: "green", "used-up": "neutral", expired: "neutral" } as const;

export function VoucherTable({ t, locale, vouchers }: { t: Translate; locale: Locale; vouchers: VoucherView[] }) {
  if (vouchers.length === 0) return <EmptyState>{t("wallet.vouchers.none")}</EmptyState>;
  return (
    <Table label={t("wallet.vouchers")}>
      <thead>
        <tr>
          <Th>{t("wallet.voucher.products")}</Th>
          <Th className="text-right">{t("wallet.voucher.amount")}</Th>
          <Th className="text-right">{t("wallet.voucher.remaining")}</Th>
          <Th>{t("wallet.voucher.expires")}</Th>
          <Th>{t("wallet.voucher.status")}</Th>
        </tr>
      </thead>
      <tbody>
        {vouchers.map((v) => (
          <tr key={v.id} data-testid="voucher-row">
            <Td>
              <p>{joinList(locale, v.products.map((p) => t(`product.${p}`)))}</p>
              <p className="text-xs text-muted">{v.reason}</p>
            </Td>
            <Td className="text-right">{formatYuan(v.amount)}</Td>
            <Td className="text-right font-medium" data-testid="voucher-remaining">
              {formatYuan(v.remaining)}
            </Td>
            <Td>{validThrough(t, locale, v.expiresAt)}</Td>
            <Td>
              <Badge tone={tone[v.status]}>{t(`wallet.voucher.status.${v.status}`)}</Badge>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
