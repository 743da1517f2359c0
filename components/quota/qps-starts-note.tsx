import type { Translate } from "@/lib/i18n/translate";

/**
 * Reading QPS_DAYS_RUN_FROM_PURCHASE (docs/readings.md): bought QPS counts only once the group bills by QPS
 * (seed 003), yet its months or days run from the purchase. Said plainly next to the purchase form.
 */
export function QpsStartsNote({ t }: { t: Translate }) {
  return (
    <p className="mt-3 text-sm text-muted" data-testid="qps-starts-note">
      {t("qps.startsNote")}
    </p>
  );
}
