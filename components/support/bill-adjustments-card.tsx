import { formatDateTime, formatMonth } from "@/lib/i18n/format-date";
import { apiName } from "@/components/metering/api-name";
import { ToolForm } from "@/components/support/tool-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatCount, formatYuan } from "@/lib/pricing";
import type { StaffMonthEdge } from "@/lib/support/month-edge-page";

type ToolAction = (state: { error?: string; done?: boolean }, formData: FormData) => Promise<{ error?: string; done?: boolean }>;

const tone = { "pending-approval": "amber", posted: "green", rejected: "red" } as const;

/**
 * Issue 22 part 2 on the staff account page: request a credit note against a recent bill or one of
 * its lines, and the account's notes; a pending one shows approve/reject to an admin who did not
 * request it (the service enforces the same rule).
 */
export function BillAdjustmentsCard({
  t,
  locale,
  accountId,
  data,
  viewer,
  actions,
}: {
  t: Translate;
  locale: Locale;
  accountId: string;
  data: StaffMonthEdge;
  viewer: { userId: string; role: "support" | "admin" };
  actions: { request: ToolAction; approve: ToolAction; reject: ToolAction };
}) {
  const targets = data.bills.flatMap((b) => [
    { value: b.id, label: t("staff.adjust.wholeBill", { month: formatMonth(locale, b.month), left: formatYuan(b.left) }) },
    ...b.lines.map((l) => ({ value: `${b.id}:${l.position}`, label: t("staff.adjust.line", { month: formatMonth(locale, b.month), api: apiName(locale, l.api), left: formatYuan(l.left) }) })),
  ]);
  return (
    <Card title={t("staff.adjust.title")}>
      <p className="mb-3 text-sm text-muted">{t("staff.adjust.intro", { threshold: formatYuan(data.threshold) })}</p>
      {targets.length === 0 ? (
        <EmptyState>{t("staff.adjust.noBills")}</EmptyState>
      ) : (
        <ToolForm
          idPrefix="adjust"
          action={actions.request}
          hidden={{ accountId }}
          fields={[
            { name: "target", label: "staff.adjust.target", options: targets },
            { name: "amount", label: "staff.adjust.amount" },
            { name: "reason", label: "staff.adjust.reason" },
            { name: "ticketRef", label: "staff.adjust.ticket" },
          ]}
          submit="staff.adjust.submit"
          done="staff.adjust.done"
        />
      )}
      {data.adjustments.length === 0 ? (
        <p className="mt-4 text-sm text-muted">{t("staff.adjust.none")}</p>
      ) : (
        <ul className="mt-4 space-y-4 text-sm">
          {data.adjustments.map((a) => (
            <li key={a.id} className="space-y-1 border-t border-line pt-3" data-testid="bill-adjustment">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                <span>{t("staff.adjust.item", { month: formatMonth(locale, a.month), scope: a.api ? apiName(locale, a.api) : t("bill.adjustments.wholeBill"), amount: formatYuan(a.amount) })}</span>
                <Badge tone={tone[a.status]}>{t(`staff.adjust.status.${a.status}`)}</Badge>
              </p>
              <p className="text-muted">{t("staff.adjust.by", { staff: a.requesterName, when: formatDateTime(locale, a.requestedAt), ticket: a.ticketRef })}</p>
              <p className="break-words">{a.reason}</p>
              {a.decidedAt && a.deciderName ? (
                <p className="text-muted">
                  {t("staff.adjust.decidedBy", { status: t(`staff.adjust.status.${a.status}`), staff: a.deciderName, when: formatDateTime(locale, a.decidedAt) })}
                  {a.decisionNote ? ` · ${a.decisionNote}` : ""}
                </p>
              ) : null}
              {a.status === "pending-approval" ? (
                viewer.role !== "admin" ? (
                  <p className="text-muted">{t("staff.adjust.adminOnly")}</p>
                ) : viewer.userId === a.requestedBy ? (
                  <p className="text-muted">{t("staff.adjust.ownRequest")}</p>
                ) : (
                  <div className="space-y-2">
                    <ToolForm idPrefix={`adjust-approve-${a.id}`} action={actions.approve} hidden={{ adjustmentId: a.id }} submit="staff.adjust.approve" done="staff.adjust.approved" />
                    <ToolForm
                      idPrefix={`adjust-reject-${a.id}`}
                      action={actions.reject}
                      hidden={{ adjustmentId: a.id }}
                      fields={[{ name: "reason", label: "staff.adjust.rejectReason" }]}
                      submit="staff.adjust.reject"
                      done="staff.adjust.rejected"
                      variant="secondary"
                    />
                  </div>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Issue 22 part 1: the account's events refused because their month was already closed, per month. */
export function LateEventsCard({ t, locale, late }: { t: Translate; locale: Locale; late: StaffMonthEdge["late"] }) {
  return (
    <Card title={t("staff.late.title")}>
      <p className="mb-3 text-sm text-muted">{t("staff.late.intro")}</p>
      {late.length === 0 ? (
        <EmptyState>{t("staff.late.none")}</EmptyState>
      ) : (
        <table className="w-full text-sm" data-testid="late-events">
          <thead>
            <tr className="text-left text-muted">
              <th scope="col" className="py-1 font-medium">
                {t("staff.late.col.month")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("staff.late.col.events")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("staff.late.col.calls")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("staff.late.col.last")}
              </th>
            </tr>
          </thead>
          <tbody>
            {late.map((l) => (
              <tr key={l.month} className="border-t border-line">
                <td className="py-1">{formatMonth(locale, l.month)}</td>
                <td className="tabular py-1 text-right">{formatCount(l.events)}</td>
                <td className="tabular py-1 text-right">{formatCount(l.calls)}</td>
                <td className="py-1 text-right">{formatDateTime(locale, l.lastAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
