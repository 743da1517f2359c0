import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { RevokeAccessButton } from "@/components/support/revoke-access-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { accessLog, type SecurityEvent } from "@/lib/support/access-log";
import type { Translate } from "@/lib/i18n/translate";
import { revokeSupportViewAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("security.title") };
}

function eventText(t: Translate, event: SecurityEvent): string {
  switch (event.kind) {
    case "api-key.create":
    case "api-key.revoke":
      return t(`security.event.${event.kind}`, { name: event.name });
    default:
      return t(`security.event.${event.kind}`);
  }
}

export default async function SecurityPage() {
  const customer = await requireCustomer("/security");
  const ctx = await customerContext(customer);
  const [{ t, locale }, log] = await Promise.all([getTranslator(), accessLog({ ctx })]);
  const live = log.sessions.find((s) => s.live);
  const minutes = (from: Date, to: Date) => Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  return (
    <>
      <PageHeader title={t("security.title")} description={t("security.subtitle")} />
      {live ? (
        <div className="mb-4" data-testid="support-live">
          <Alert tone="warning">
            <strong className="block">{t("security.live.title")}</strong>
            {t("security.live.body", { staff: live.staffName, start: formatDateTime(locale, live.startedAt), reason: live.reason, end: formatDateTime(locale, live.expiresAt) })}
            <RevokeAccessButton action={revokeSupportViewAction} sessionId={live.id} />
          </Alert>
        </div>
      ) : null}
      <Card title={t("security.sessions")}>
        {log.sessions.length === 0 ? (
          <EmptyState>{t("security.sessions.none")}</EmptyState>
        ) : (
          <Table label={t("security.sessions")}>
            <thead>
              <tr>
                <Th>{t("security.col.staff")}</Th>
                <Th>{t("security.col.reason")}</Th>
                <Th>{t("security.col.when")}</Th>
                <Th>{t("security.col.duration")}</Th>
                <Th>{t("security.col.ended")}</Th>
                <Th>{t("security.col.pages")}</Th>
              </tr>
            </thead>
            <tbody>
              {log.sessions.map((s) => (
                <tr key={s.id}>
                  <Td>{s.staffName}</Td>
                  <Td className="max-w-xs whitespace-normal break-words">
                    {s.reason}
                    {s.ticketRef ? <span className="block text-xs text-muted">{s.ticketRef}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(locale, s.startedAt)}</Td>
                  <Td>{t("security.duration", { minutes: minutes(s.startedAt, s.endedAt ?? ctx.now) })}</Td>
                  <Td>{t(`security.ended.${s.endReason ?? "live"}`)}</Td>
                  <Td className="max-w-xs whitespace-normal break-words font-mono text-xs">{s.pages.join(", ")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card title={t("security.events")} className="mt-4">
        {log.events.length === 0 ? (
          <EmptyState>{t("security.events.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-line text-sm">
            {log.events.map((event, i) => (
              <li key={i} className="flex flex-wrap justify-between gap-2 py-2">
                <span>{eventText(t, event)}</span>
                <span className="text-muted">{formatDateTime(locale, event.at)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
