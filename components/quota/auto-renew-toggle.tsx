import { ActionForm } from "@/components/quota/action-form";
import type { QuotaFormState } from "@/components/quota/form-state";
import { Badge } from "@/components/ui/badge";
import type { FormAction } from "@/components/ui/form-action";
import type { Translate } from "@/lib/i18n/translator";

/** What each renewable kind's toggle sends and says: a monthly QPS grant, a yearly licence. */
const KINDS = {
  qps: { idField: "grantId", testId: "qps-auto-renew", labels: { isOn: "qps.autoRenew.isOn", isOff: "qps.autoRenew.isOff", turnOn: "qps.autoRenew.turnOn", turnOff: "qps.autoRenew.turnOff" } },
  licence: { idField: "licenceId", testId: "licence-auto-renew", labels: { isOn: "sdk.autoRenew.isOn", isOff: "sdk.autoRenew.isOff", turnOn: "sdk.autoRenew.turnOn", turnOff: "sdk.autoRenew.turnOff" } },
} as const;

/**
 * The auto-renew cell of a renewable item's row (a QPS grant, a yearly licence): whether it renews,
 * and for a member allowed to change it, the one button that flips it. The action receives the
 * item's id (`grantId` or `licenceId`) and the wanted state as `on`. An item that cannot renew (a daily QPS
 * grant, a perpetual licence) shows a dash.
 */
export function AutoRenewToggle({
  t,
  kind,
  renewable,
  on,
  action,
  id,
}: {
  t: Translate;
  kind: keyof typeof KINDS;
  renewable: boolean;
  on: boolean;
  /** Absent when the reader may not change it: the state is shown alone. */
  action?: FormAction<QuotaFormState>;
  id: string;
}) {
  const { idField, testId, labels } = KINDS[kind];
  if (!renewable) return <span className="text-muted">—</span>;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={testId}>
      <Badge tone={on ? "green" : "neutral"}>{t(on ? labels.isOn : labels.isOff)}</Badge>
      {action ? (
        <ActionForm action={action} submit={on ? labels.turnOff : labels.turnOn} variant="secondary">
          <input type="hidden" name={idField} value={id} />
          <input type="hidden" name="on" value={on ? "false" : "true"} />
        </ActionForm>
      ) : null}
    </div>
  );
}
