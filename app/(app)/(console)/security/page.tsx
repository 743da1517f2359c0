import { joinList } from "@/lib/i18n/list";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { RevokeAccessButton } from "@/components/support/revoke-access-button";
import { attemptName, consolePageName } from "@/components/support/audit-text";
import { StaffActivityList } from "@/components/support/staff-activity-list";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { Device } from "@/lib/identity/device";
import { EmptyState } from "@/components/ui/table";
import { can, customerContext, requireCustomer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { accessLog, type SecurityEvent } from "@/lib/support/access-log";
import type { Translate } from "@/lib/i18n/translate";
import { revokeSupportViewAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("security.title") };
}

/** Who acted (issue 21 item 5): the member by name, "by you" for the viewer. */
function eventMember(t: Translate, event: SecurityEvent, viewerId: string | undefined): string | null {
  if (!event.member) return null;
  return event.member.userId === viewerId ? t("security.event.you") : t("security.event.member", { name: event.member.name });
}

/** "Chrome on macOS", or whichever of the two is known. */
function deviceText(t: Translate, device: Device): string {
  if (device.browser && device.os) return t("security.event.device", { browser: device.browser, os: device.os });
  return device.browser ?? device.os ?? "";
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
  // A support view is nobody on the account: no row reads "you" for it.
  const viewerId = customer.supportView ? undefined : customer.userId;
  const minutes = (from: Date, to: Date) => Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  return (
    <>
      <PageHeader title={t("security.title")} description={t("security.subtitle")} />
      {live ? (
        <div className="mb-4" data-testid="support-live">
          <Alert tone="warning">
            <strong className="block">{t("security.live.title")}</strong>
            {t("security.live.body", { staff: live.staffName, start: formatDateTime(locale, live.startedAt), reason: live.reason, end: formatDateTime(locale, live.expiresAt) })}
            {can(customer, "security#revokeSupportViewAction") ? <RevokeAccessButton action={revokeSupportViewAction} sessionId={live.id} /> : null}
          </Alert>
        </div>
      ) : null}
      <Card title={t("security.sessions")}>
        {log.sessions.length === 0 ? (
          <EmptyState>{t("security.sessions.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-line">
            {log.sessions.map((s) => (
              <li key={s.id} data-testid="support-session" className="grid gap-x-6 gap-y-1 py-3 text-sm sm:grid-cols-[10rem_1fr]">
                <span className="text-muted">{t("security.col.staff")}</span>
                <span className="font-medium">{s.staffName}</span>
                <span className="text-muted">{t("security.col.reason")}</span>
                <span className="break-words">
                  {s.reason}
                  {s.ticketRef ? <span className="ml-2 text-xs text-muted">{s.ticketRef}</span> : null}
                </span>
                <span className="text-muted">{t("security.col.when")}</span>
                <span>
                  {formatDateTime(locale, s.startedAt)} · {t("security.duration", { minutes: minutes(s.startedAt, s.endedAt ?? ctx.now) })} · {t(`security.ended.${s.endReason ?? "live"}`)}
                </span>
                {/* Pages by name, not address (issue 19 item 7). */}
                <span className="text-muted">{t("security.col.pages")}</span>
                <span className="break-words" data-testid="support-pages">
                  {joinList(locale, s.pages.map((path) => consolePageName(t, locale, path)))}
                </span>
                {s.downloads.length > 0 ? (
                  <>
                    <span className="text-muted">{t("security.col.downloads")}</span>
                    <span className="break-words">{joinList(locale, s.downloads.map((path) => consolePageName(t, locale, path)))}</span>
                  </>
                ) : null}
                {s.refused.length > 0 ? (
                  <>
                    <span className="text-muted">{t("security.col.refused")}</span>
                    <ul className="space-y-0.5" data-testid="support-refused">
                      {s.refused.map((r, i) => (
                        <li key={i}>
                          {t("security.refused.item", { attempt: attemptName(t, r.action), at: formatDateTime(locale, r.at) })}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("security.staff")} className="mt-4">
        <StaffActivityList t={t} locale={locale} items={log.staffActivity} viewerId={viewerId} />
      </Card>
      <Card title={t("security.events")} className="mt-4">
        {log.events.length === 0 ? (
          <EmptyState>{t("security.events.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-line text-sm">
            {log.events.map((event, i) => (
              <li key={i} className="flex flex-wrap justify-between gap-2 py-2" data-testid="security-event">
                <span>
                  {eventText(t, event)}
                  {event.member ? <span className="ml-2 text-muted">{eventMember(t, event, viewerId)}</span> : null}
                  {"device" in event && event.device ? (
                    <span className="ml-2 text-muted" data-testid="security-event-device">
                      {deviceText(t, event.device)}
                    </span>
                  ) : null}
                  {"ip" in event && event.ip ? (
                    <span className="ml-2 text-muted" data-testid="security-event-ip">
                      {t("security.event.ip", { ip: event.ip })}
                    </span>
                  ) : null}
                </span>
                <span className="text-muted">{formatDateTime(locale, event.at)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
