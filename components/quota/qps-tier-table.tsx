import { Table, Td, Th } from "@/components/ui/table";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan, QPS_TIERS } from "@/lib/pricing";

/** SPEC §2.6's price per QPS by the quantity bought, per month and per day: the QPS page and the body price page. */
export function QpsTierTable({ t, label }: { t: Translate; label: string }) {
  return (
    // Three short columns fit a phone as a table (e2e/console-pages.spec.ts checks each amount is on screen).
    <Table label={label} phone="scroll">
      <thead>
        <tr>
          <Th>{t("qps.tier.range")}</Th>
          <Th className="text-right">{t("qps.tier.month")}</Th>
          <Th className="text-right">{t("qps.tier.day")}</Th>
        </tr>
      </thead>
      <tbody>
        {QPS_TIERS.map((tier, i) => {
          const next = QPS_TIERS[i + 1];
          return (
            <tr key={tier.fromQps}>
              <Td>{next ? `${tier.fromQps}–${next.fromQps - 1}` : `≥ ${tier.fromQps}`}</Td>
              <Td className="text-right">{formatYuan(tier.perMonth)}</Td>
              <Td className="text-right">{formatYuan(tier.perDay)}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
