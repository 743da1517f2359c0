import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { BillStatus } from "@/db/schema";

const tone = { paid: "green", arrears: "red", settled: "blue" } as const;

export function BillStatusBadge({ t, status }: { t: Translate; status: BillStatus }) {
  return (
    <span data-testid="bill-status">
      <Badge tone={tone[status]}>{t(`bill.status.${status}`)}</Badge>
    </span>
  );
}
