import { joinList } from "@/lib/i18n/list";
import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { notFound } from "next/navigation";
import {
  approveAdjustmentAction,
  approveQpsAction,
  approveRefundAction,
  declineQpsAction,
  goodwillCreditAction,
  liftViolationAction,
  markViolationAction,
  quoteLicenceAction,
  rejectAdjustmentAction,
  rejectRefundAction,
  requestAdjustmentAction,
  startSupportViewAction,
} from "@/app/(app)/(support)/staff/actions";
import { stopSupportViewAction } from "@/app/actions/support-view";
import { BillAdjustmentsCard, LateEventsCard } from "@/components/support/bill-adjustments-card";
import { StopViewingButton } from "@/components/support/stop-viewing-button";
import { auditText } from "@/components/support/audit-text";
import { Alert } from "@/components/ui/alert";
import { LicenceQuoteTool } from "@/components/support/licence-quote-tool";
import { ToolForm } from "@/components/support/tool-form";
import { PageHeader } from "@/components/shell/page-header";
import { StartViewForm } from "@/components/support/start-view-form";
import { StaffPackList } from "@/components/support/staff-pack-list";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requireStaff, staffContext } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/context";
import { formatDate, formatDateTime, formatMonth } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { apiLabel, itemName } from "@/lib/i18n/names";
import { Dec, formatYuan, shanghaiDay } from "@/lib/pricing";
import { earliestQpsApplyDate } from "@/lib/support/qps-review";
import { paramValues, parsePageParam } from "@/lib/params/query";
import { accountPageInput, staffAccountPage, type StaffAccountPage } from "@/lib/support/account-page";
import { remittanceReferenceOf } from "@/lib/transfers/accounts";
import { staffMonthEdge, type StaffMonthEdge } from "@/lib/support/month-edge-page";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("staff.home.title") };
}

const statusTone: Record<string, "green" | "amber" | "red"> = { active: "green", arrears: "amber", suspended: "red", disabled: "red" };

async function load(accountId: string, auditPage: number | null): Promise<StaffAccountPage & { role: "support" | "admin"; userId: string; now: Date; reference: string; monthEdge: StaffMonthEdge }> {
  const staff = await requireStaff();
  const parsed = accountPageInput.safeParse({ accountId, auditPage });
  if (!parsed.success) notFound();
  try {
    const ctx = await staffContext(staff);
    const page = await staffAccountPage({ ctx, input: parsed.data });
    // The customer's remittance reference, so staff can name the account when assigning a bank transfer.
    return { ...page, role: staff.role, userId: staff.userId, now: ctx.now, reference: await remittanceReferenceOf(ctx.db, page.account.id, ctx.now), monthEdge: await staffMonthEdge({ ctx, input: parsed.data }) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function StaffAccountPageView({ params, searchParams }: { params: Promise<{ accountId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await load((await params).accountId, parsePageParam(paramValues(await searchParams, "audit")));
  const { t, locale } = await getTranslator();
  const { account, wallet } = page;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/staff" className="text-brand-700 underline">
          {t("staff.account.back")}
        </Link>
      </p>
      <PageHeader title={account.name} description={account.email} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("staff.account.status")}>
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <dt className="text-muted">{t("staff.account.accountStatus")}</dt>
            <dd>
              <Badge tone={statusTone[account.status] ?? "neutral"}>{t(`overview.status.${account.status}`)}</Badge>
            </dd>
            <dt className="text-muted">{t("staff.account.since")}</dt>
            <dd>{formatDate(locale, account.createdAt)}</dd>
            <dt className="text-muted">{t("staff.account.cash")}</dt>
            <dd className="tabular">{formatYuan(wallet.cash)}</dd>
            <dt className="text-muted">{t("staff.account.income")}</dt>
            <dd className="tabular">{formatYuan(wallet.income)}</dd>
            <dt className="text-muted">{t("staff.account.gift")}</dt>
            <dd className="tabular">{formatYuan(wallet.gift)}</dd>
            <dt className="text-muted">{t("staff.account.frozen")}</dt>
            <dd className="tabular">{formatYuan(wallet.frozen)}</dd>
            <dt className="text-muted">{t("staff.account.reference")}</dt>
            <dd className="font-mono" data-testid="staff-remittance-reference">
              {page.reference}
            </dd>
            <dt className="text-muted">{t("staff.account.products")}</dt>
            <dd>{page.products.length ? joinList(locale, page.products.map((p) => t(`product.${p.product}` as "product.scan"))) : t("staff.account.noProducts")}</dd>
          </dl>
        </Card>
        <Card title={t("staff.view.title")}>
          <p className="mb-3 text-sm text-muted">{t("staff.view.intro")}</p>
          {page.viewing ? (
            <div className="space-y-2 rounded-md bg-violet-800 p-3 text-sm text-white">
              <p>{t("staff.view.busy")}</p>
              <StopViewingButton action={stopSupportViewAction} />
            </div>
          ) : (
            <StartViewForm action={startSupportViewAction} accountId={account.id} />
          )}
        </Card>
        <Card title={t("staff.account.requests")}>
          {page.decidedRefunds.length > 0 ? (
            // What approving or rejecting did, kept after the request leaves the list (issue 19 item 5).
            <div className="mb-4 space-y-2" data-testid="refund-decided">
              {page.decidedRefunds.map((r) => {
                const pack = r.pack ? itemName(t, r.pack) : apiLabel(t, r.api);
                const amount = formatYuan(new Dec(r.returnedCash).plus(r.returnedIncome).plus(r.returnedGift));
                const when = r.decidedAt ? formatDateTime(locale, r.decidedAt) : "";
                return (
                  <Alert key={r.id} tone={r.status === "approved" ? "success" : "info"}>
                    {r.status === "approved" ? t("staff.tool.refund.approvedNote", { pack, amount, when }) : t("staff.tool.refund.rejectedNote", { pack, reason: r.reason ?? "", when })}
                  </Alert>
                );
              })}
            </div>
          ) : null}
          {page.requests.length === 0 && page.pendingRefunds.length === 0 ? (
            <EmptyState>{t("staff.account.noRequests")}</EmptyState>
          ) : (
            <ul className="space-y-4 text-sm">
              {page.pendingRefunds.map((r) => (
                <li key={r.id} className="space-y-2" data-testid="refund-review">
                  <p className="font-medium">{t("staff.tool.refund.title", { pack: r.pack ? itemName(t, r.pack) : apiLabel(t, r.api) })}</p>
                  <p className="text-muted">
                    {t("staff.tool.refund.returns", {
                      amount: formatYuan(new Dec(r.returnedCash).plus(r.returnedIncome).plus(r.returnedGift)),
                      cash: formatYuan(r.returnedCash),
                      income: formatYuan(r.returnedIncome),
                      gift: formatYuan(r.returnedGift),
                      when: formatDateTime(locale, r.requestedAt),
                    })}
                  </p>
                  <ToolForm idPrefix={`approve-${r.id}`} action={approveRefundAction} hidden={{ refundId: r.id }} submit="staff.tool.refund.approve" done="staff.tool.refund.approved" />
                  <ToolForm
                    idPrefix={`reject-${r.id}`}
                    action={rejectRefundAction}
                    hidden={{ refundId: r.id }}
                    fields={[{ name: "reason", label: "staff.tool.refund.reason" }]}
                    submit="staff.tool.refund.reject"
                    done="staff.tool.refund.rejected"
                    variant="secondary"
                  />
                </li>
              ))}
              {page.requests.map((r) => {
                const details = r.details as { group?: string; totalQps?: number; neededBy?: string; note?: string };
                if (r.kind === "offline-sdk-formal") {
                  return <LicenceQuoteTool key={r.id} request={r} quote={page.quotes.find((q) => q.requestId === r.id)} action={quoteLicenceAction} t={t} locale={locale} now={page.now} />;
                }
                const earliest = earliestQpsApplyDate(r.createdAt);
                const min = shanghaiDay(earliest);
                return (
                  <li key={r.id} className="space-y-2" data-testid="qps-review">
                    <p className="font-medium">
                      {t("staff.tool.qps.title", { qps: details.totalQps ?? 0, group: details.group ?? "", date: details.neededBy ? formatDate(locale, new Date(details.neededBy)) : "" })}
                    </p>
                    {details.note ? <p className="text-muted">{t("staff.tool.qps.note", { note: details.note })}</p> : null}
                    <ToolForm
                      idPrefix={`qps-approve-${r.id}`}
                      action={approveQpsAction}
                      hidden={{ requestId: r.id }}
                      fields={[{ name: "appliesFrom", label: "staff.tool.qps.from", type: "date", min }]}
                      submit="staff.tool.qps.approve"
                      done="staff.tool.qps.approved"
                    />
                    <ToolForm
                      idPrefix={`qps-decline-${r.id}`}
                      action={declineQpsAction}
                      hidden={{ requestId: r.id }}
                      fields={[{ name: "reason", label: "staff.tool.qps.reason" }]}
                      submit="staff.tool.qps.decline"
                      done="staff.tool.qps.declined"
                      variant="secondary"
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        <Card title={t("staff.tool.violation.title")}>
          {page.violation ? (
            <>
              <p className="mb-2 text-sm">{t("staff.tool.violation.current", { when: formatDateTime(locale, page.violation.markedAt), reason: page.violation.reason })}</p>
              <ToolForm
                idPrefix="lift"
                action={liftViolationAction}
                hidden={{ accountId: account.id }}
                fields={[{ name: "reason", label: "staff.tool.violation.reason" }]}
                submit="staff.tool.violation.lift"
                done="staff.tool.violation.done"
              />
            </>
          ) : (
            <ToolForm
              idPrefix="violation"
              action={markViolationAction}
              hidden={{ accountId: account.id }}
              fields={[{ name: "reason", label: "staff.tool.violation.reason" }]}
              submit="staff.tool.violation.mark"
              done="staff.tool.violation.done"
              variant="danger"
            />
          )}
        </Card>
        {page.role === "admin" ? (
          <Card title={t("staff.tool.credit.title")}>
            <ToolForm
              idPrefix="credit"
              action={goodwillCreditAction}
              hidden={{ accountId: account.id }}
              fields={[
                { name: "amount", label: "staff.tool.credit.amount" },
                { name: "reason", label: "staff.tool.credit.reason" },
              ]}
              submit="staff.tool.credit.submit"
              done="staff.tool.credit.done"
            />
          </Card>
        ) : null}
        <Card title={t("staff.account.bills")}>
          {page.bills.length === 0 ? (
            <EmptyState>{t("staff.account.noBills")}</EmptyState>
          ) : (
            <ul className="space-y-1 text-sm">
              {page.bills.map((b) => (
                <li key={b.id} className="flex justify-between gap-4">
                  <span>{formatMonth(locale, b.month)}</span>
                  <span className="tabular">{formatYuan(b.usageTotal)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <BillAdjustmentsCard
          t={t}
          locale={locale}
          accountId={account.id}
          data={page.monthEdge}
          viewer={{ userId: page.userId, role: page.role }}
          actions={{ request: requestAdjustmentAction, approve: approveAdjustmentAction, reject: rejectAdjustmentAction }}
        />
        <LateEventsCard t={t} locale={locale} late={page.monthEdge.late} />
      </div>
      <Card title={t("staff.account.packs")} className="mt-4">
        <StaffPackList t={t} locale={locale} packs={page.packs} />
      </Card>
      <Card title={t("staff.members.title")} className="mt-4">
        <Table label={t("staff.members.title")}>
          <thead>
            <tr>
              <Th>{t("members.col.name")}</Th>
              <Th>{t("members.col.email")}</Th>
              <Th>{t("members.col.role")}</Th>
              <Th>{t("members.col.joined")}</Th>
            </tr>
          </thead>
          <tbody>
            {page.members.map((member) => (
              <tr key={member.userId} data-testid="staff-member-row">
                <Td className="font-medium">{member.name}</Td>
                <Td className="break-all">{member.email}</Td>
                <Td>
                  <Badge tone={member.role === "owner" ? "blue" : "neutral"}>{t(`members.role.${member.role}`)}</Badge>
                </Td>
                <Td className="whitespace-nowrap">{formatDateTime(locale, member.joinedAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card title={t("staff.account.audit")} className="mt-4" id="audit">
        {page.audit.length === 0 ? (
          <EmptyState>{t("staff.account.noAudit")}</EmptyState>
        ) : (
          <Table label={t("staff.account.audit")}>
            <thead>
              <tr>
                <Th>{t("staff.audit.col.when")}</Th>
                <Th>{t("staff.audit.col.who")}</Th>
                <Th>{t("staff.audit.col.what")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.audit.map((row) => (
                <tr key={row.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(locale, row.at)}</Td>
                  <Td>{row.actorType === "customer" && row.actorName ? row.actorName : t(`staff.audit.actor.${row.actorType}`)}</Td>
                  <Td className="break-words">{auditText(t, locale, row)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pager
          page={page.auditPage}
          pages={page.auditPages}
          href={(target) => `/staff/accounts/${account.id}${target > 1 ? `?audit=${target}` : ""}#audit`}
          label={t("staff.account.auditPages")}
          status={t("staff.account.auditPage", { page: page.auditPage, pages: page.auditPages, count: page.auditTotal })}
          previous={t("staff.account.auditNewer")}
          next={t("staff.account.auditOlder")}
          testId="audit-page"
        />
      </Card>
    </>
  );
}
