import type { Metadata } from "next";
import { ActionForm } from "@/components/quota/action-form";
import { AutoRenewToggle } from "@/components/quota/auto-renew-toggle";
import { OpenRequests } from "@/components/quota/open-requests";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { QpsStartsNote } from "@/components/quota/qps-starts-note";
import { QpsTierTable } from "@/components/quota/qps-tier-table";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { can, customerContext, requireCustomer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { validThrough } from "@/lib/i18n/valid-through";
import { activeProducts } from "@/lib/packs/activation";
import { MAX_QPS_PER_GROUP } from "@/lib/pricing";
import { qpsOverview } from "@/lib/quota/overview";
import { qpsHeadroom } from "@/lib/quota/qps";
import { listSupportRequests } from "@/lib/quota/requests";
import { autoRenewAction, requestMoreQpsAction, switchModeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("qps.title") };
}


export default async function QpsPage() {
  const customer = await requireCustomer("/qps");
  const ctx = await customerContext(customer);
  const { t, locale } = await getTranslator();
  const [overview, active, requests] = await Promise.all([qpsOverview({ ctx, group: "body" }), activeProducts({ ctx }), listSupportRequests({ ctx })]);
  const bodyActive = active.has("body");
  const headroom = qpsHeadroom(overview.held, overview.max);
  const qpsRequests = requests.filter((r) => r.kind === "qps-increase");
  const mayRenew = can(customer, "qps#autoRenewAction");
  return (
    <>
      <PageHeader title={t("qps.title")} description={t("qps.description")} />
      {!bodyActive ? <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("errors.not-activated")}</p> : null}
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card title={t("qps.group.body")} className="lg:col-span-2">
          <dl className="grid gap-4 sm:grid-cols-2">
            <div>
              <dt className="text-xs text-muted">{t("qps.mode")}</dt>
              <dd className="mt-1" data-testid="qps-mode">
                <Badge tone={overview.mode === "qps" ? "blue" : "neutral"}>{t(`qps.mode.${overview.mode}`)}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted">{t(overview.mode === "calls" && overview.held > 0 ? "qps.held.notInEffect" : "qps.held")}</dt>
              <dd className="tabular mt-1 text-lg font-semibold" data-testid="qps-held">
                {t("qps.limit", { held: overview.held, max: overview.max })}
              </dd>
            </div>
          </dl>
          {overview.mode === "calls" && overview.held > 0 ? (
            <p className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="qps-not-in-effect">
              {t("qps.notInEffect", { held: overview.held })}
            </p>
          ) : null}
          <p className="mt-4 rounded-md bg-canvas px-3 py-2 text-sm">{t(overview.mode === "qps" ? "qps.explain.qps" : "qps.explain.calls")}</p>
          <QpsStartsNote t={t} />
          {bodyActive && can(customer, "qps#switchModeAction") ? (
            <div className="mt-4">
              <ActionForm action={switchModeAction} submit={overview.mode === "qps" ? "qps.switchTo.calls" : "qps.switchTo.qps"} confirm="qps.switch.confirm" variant="secondary">
                <input type="hidden" name="group" value="body" />
                <input type="hidden" name="mode" value={overview.mode === "qps" ? "calls" : "qps"} />
              </ActionForm>
            </div>
          ) : null}
        </Card>
        <Card title={t("qps.tiers")}>
          <QpsTierTable t={t} label={t("qps.tiers")} />
        </Card>
        {bodyActive && can(customer, "checkout#purchaseAction") ? (
          <Card title={t("qps.buy")} className="lg:col-span-2">
            <form action="/checkout" method="get" className="grid gap-3 sm:grid-cols-4 sm:items-end">
              <input type="hidden" name="item" value="qps:body" />
              <Field label={t("qps.buy.quantity")} name="quantity" type="number" min={1} max={Math.max(1, headroom)} defaultValue={Math.min(10, Math.max(1, headroom))} required />
              <SelectField label={t("qps.buy.period")} id="period" name="period" defaultValue="month">
                <option value="month">{t("qps.buy.month")}</option>
                <option value="day">{t("qps.buy.day")}</option>
              </SelectField>
              <Field label={t("qps.buy.periods")} name="periods" type="number" min={1} max={366} defaultValue={1} required />
              <Button type="submit">{t("qps.buy.submit")}</Button>
            </form>
          </Card>
        ) : null}
        <Card title={t("qps.more")}>
          <p className="mb-3 text-sm text-muted">{t("qps.more.explain")}</p>
          {bodyActive && can(customer, "qps#requestMoreQpsAction") ? (
            <ActionForm action={requestMoreQpsAction} submit="qps.more.submit" doneMessage="qps.more.sent" variant="secondary">
              <input type="hidden" name="group" value="body" />
              <Field label={t("qps.more.total")} name="totalQps" type="number" min={MAX_QPS_PER_GROUP + 1} defaultValue={300} required />
              <Field label={t("qps.more.neededBy")} name="neededBy" type="date" required />
              <Field label={t("qps.more.note")} name="note" />
            </ActionForm>
          ) : null}
        </Card>
        <Card title={t("qps.grants")} className="lg:col-span-3">
          {overview.grants.length === 0 ? (
            <EmptyState>{t("qps.grants.none")}</EmptyState>
          ) : (
            <Table label={t("qps.grants")}>
              <thead>
                <tr>
                  <Th className="text-right">{t("qps.grant.qps")}</Th>
                  <Th>{t("qps.grant.from")}</Th>
                  <Th>{t("qps.grant.until")}</Th>
                  <Th>{t("qps.grant.status")}</Th>
                  <Th>{t("qps.grant.autoRenew")}</Th>
                </tr>
              </thead>
              <tbody>
                {overview.grants.map((grant) => (
                  <tr key={grant.id}>
                    <Td className="text-right font-medium">{grant.qps}</Td>
                    <Td>{formatDateTime(locale, grant.startsAt)}</Td>
                    <Td>{validThrough(t, locale, grant.endsAt)}</Td>
                    <Td>
                      {grant.inForce && overview.mode === "calls" ? (
                        <Badge tone="amber">{t("qps.grant.notInEffect")}</Badge>
                      ) : (
                        <Badge tone={grant.inForce ? "green" : "neutral"}>{t(grant.inForce ? "qps.grant.inForce" : "qps.grant.ended")}</Badge>
                      )}
                    </Td>
                    <Td>
                      <AutoRenewToggle t={t} kind="qps" renewable={grant.renewable} on={grant.autoRenew} action={mayRenew ? autoRenewAction : undefined} id={grant.id} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <OpenRequests
            title={t("qps.requests")}
            items={qpsRequests.map((r) => ({ id: r.id, status: t("support.status.open"), text: `${String((r.details as { totalQps?: number }).totalQps ?? "")} QPS · ${formatDateTime(locale, r.createdAt)}` }))}
          />
        </Card>
      </div>
    </>
  );
}
