import type { Metadata } from "next";
import { ActionForm } from "@/components/quota/action-form";
import { AutoRenewToggle } from "@/components/quota/auto-renew-toggle";
import { OpenRequests } from "@/components/quota/open-requests";
import { RoleNote } from "@/components/members/role-note";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { can, customerContext, requireCustomer } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { activeProducts } from "@/lib/packs/activation";
import { listLicenceQuotes } from "@/lib/quota/licence-quotes";
import { formatYuan, oneTimeItemById } from "@/lib/pricing";
import { listLicences } from "@/lib/quota/licences";
import { listSupportRequests } from "@/lib/quota/requests";
import { LicenceQuotes } from "./licence-quotes";
import { autoRenewAction, declineQuoteAction, formalLicenceAction, offlineTrialAction, scanTrialAction } from "./actions";

// The scanning SDK's price as the catalog sets it: `¥50,000.00`.
const SDK_PRICE = formatYuan(oneTimeItemById("scan.sdk")?.price ?? "0");

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("sdk.title") };
}

/** The app a scanning SDK licence binds to; `form` keeps the two forms' field ids apart. */
function AppFields({ t, form }: { t: Translate; form: string }) {
  return (
    // A label on two lines must not push its input below the others.
    <div className="grid gap-3 sm:grid-cols-3 sm:items-end">
      <Field label={t("sdk.app.name")} name="appName" id={`${form}-appName`} required />
      <Field label={t("sdk.app.ios")} name="iosBundleId" id={`${form}-iosBundleId`} placeholder="com.example.app" required />
      <Field label={t("sdk.app.android")} name="androidPackage" id={`${form}-androidPackage`} placeholder="com.example.app" required />
    </div>
  );
}

/** Each form of a card says what it is for (issue 19 item 10: two forms side by side looked alike). */
function FormHeading({ id, title, note }: { id: string; title: string; note: string }) {
  return (
    <div className="mb-3">
      <h3 id={id} className="text-sm font-semibold text-ink">
        {title}
      </h3>
      <p className="mt-0.5 text-xs text-muted">{note}</p>
    </div>
  );
}


const REQUEST_STATES = ["awaiting-quote", "quoted", "licensed", "declined"] as const;

function requestStateKey(status: string): MessageKey {
  const known = REQUEST_STATES.find((s) => s === status);
  return known ? `sdk.request.state.${known}` : "support.status.awaiting-quote";
}

export default async function SdkPage() {
  const customer = await requireCustomer("/sdk");
  const ctx = await customerContext(customer);
  const { t, locale } = await getTranslator();
  const [active, licences, requests, quotes] = await Promise.all([activeProducts({ ctx }), listLicences({ ctx }), listSupportRequests({ ctx }), listLicenceQuotes({ ctx })]);
  const formal = requests.filter((r) => r.kind === "offline-sdk-formal");
  const mayRenew = can(customer, "sdk#autoRenewAction");
  const anyRenewable = licences.some((licence) => licence.renewable || licence.autoRenew);
  return (
    <>
      <PageHeader title={t("sdk.title")} description={t("sdk.description")} />
      <div className="space-y-6">
        <Card title={t("sdk.scan")}>
          <p className="mb-4 text-sm text-muted">{t("sdk.scan.explain", { price: SDK_PRICE })}</p>
          {active.has("scan") ? (
            <div className="grid gap-6 lg:grid-cols-2">
              {can(customer, "checkout#purchaseAction") ? (
                <section aria-labelledby="sdk-scan-buy" className="rounded-md border border-line p-4">
                  <FormHeading id="sdk-scan-buy" title={t("sdk.scan.buy.heading")} note={t("sdk.scan.buy.note", { price: SDK_PRICE })} />
                  <form action="/checkout" method="get" className="space-y-3">
                    <input type="hidden" name="item" value="scan.sdk" />
                    <input type="hidden" name="quantity" value="1" />
                    <AppFields t={t} form="buy" />
                    <Button type="submit">{t("sdk.scan.buy")}</Button>
                  </form>
                </section>
              ) : null}
              {can(customer, "sdk#scanTrialAction") ? (
                <section aria-labelledby="sdk-scan-trial" className="rounded-md border border-line p-4">
                  <FormHeading id="sdk-scan-trial" title={t("sdk.scan.trial.heading")} note={t("sdk.scan.trial.note")} />
                  <ActionForm action={scanTrialAction} submit="sdk.scan.trial" doneMessage="sdk.trial.started" variant="secondary">
                    <AppFields t={t} form="trial" />
                  </ActionForm>
                </section>
              ) : null}
            </div>
          ) : (
            <p className="text-sm text-amber-900">{t("errors.not-activated")}</p>
          )}
        </Card>
        <Card title={t("sdk.offline")}>
          <p className="mb-4 text-sm text-muted">{t("sdk.offline.explain")}</p>
          {active.has("body") && !can(customer, "sdk#offlineTrialAction") ? (
            <RoleNote t={t} role={customer.memberRole} />
          ) : active.has("body") ? (
            <div className="grid gap-6 lg:grid-cols-2">
              <section aria-labelledby="sdk-offline-trial" className="rounded-md border border-line p-4">
                <FormHeading id="sdk-offline-trial" title={t("sdk.offline.trial.heading")} note={t("sdk.offline.trial.note")} />
                <ActionForm action={offlineTrialAction} submit="sdk.offline.trial" doneMessage="sdk.trial.started">
                  <div className="space-y-1.5">
                    <label htmlFor="deviceIds" className="block text-sm font-medium">
                      {t("sdk.offline.devices")}
                    </label>
                    <textarea id="deviceIds" name="deviceIds" rows={4} className={`${inputClass} font-mono`} placeholder={"device-0001\ndevice-0002"} required />
                  </div>
                </ActionForm>
              </section>
              <section aria-labelledby="sdk-offline-formal" className="rounded-md border border-line p-4">
                <FormHeading id="sdk-offline-formal" title={t("sdk.offline.formal.heading")} note={t("sdk.offline.formal.note")} />
                <ActionForm action={formalLicenceAction} submit="sdk.offline.formal" doneMessage="sdk.offline.formalSent" variant="secondary">
                  <Field label={t("sdk.offline.package")} name="packageName" placeholder="com.example.kiosk" required />
                  <Field label={t("sdk.offline.years")} name="years" type="number" min={1} max={5} defaultValue={1} />
                  <Field label={t("sdk.offline.note")} name="note" />
                </ActionForm>
              </section>
            </div>
          ) : (
            <p className="text-sm text-amber-900">{t("errors.not-activated")}</p>
          )}
        </Card>
        <Card title={t("sdk.licences")}>
          {licences.length === 0 ? (
            <EmptyState>{t("sdk.licences.none")}</EmptyState>
          ) : (
            <Table label={t("sdk.licences")}>
              <thead>
                <tr>
                  <Th>{t("sdk.col.kind")}</Th>
                  <Th>{t("sdk.col.bound")}</Th>
                  <Th>{t("sdk.col.from")}</Th>
                  <Th>{t("sdk.col.until")}</Th>
                  {anyRenewable ? <Th>{t("sdk.col.autoRenew")}</Th> : null}
                </tr>
              </thead>
              <tbody>
                {licences.map((licence) => (
                  <tr key={licence.id} data-testid="licence-row">
                    <Td>
                      <Badge tone={licence.kind === "scan-sdk" ? "green" : "blue"}>{t(`sdk.kind.${licence.kind}`)}</Badge>
                    </Td>
                    <Td className="text-sm">
                      {licence.kind === "offline-sdk-formal"
                        ? t("sdk.package", { package: licence.androidPackage ?? "" })
                        : licence.appName
                          ? `${licence.appName} · iOS ${licence.iosBundleId} · Android ${licence.androidPackage}`
                          : (licence.deviceIds ?? []).join(", ")}
                    </Td>
                    <Td>{formatDate(locale, licence.startsAt)}</Td>
                    <Td>{licence.endsAt ? formatDate(locale, licence.endsAt) : t("sdk.forever")}</Td>
                    {anyRenewable ? (
                      <Td>
                        <AutoRenewToggle t={t} kind="licence" renewable={licence.renewable} on={licence.autoRenew} action={mayRenew ? autoRenewAction : undefined} id={licence.id} />
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <OpenRequests
            title={t("sdk.requests")}
            items={formal.map((r) => ({ id: r.id, status: t(requestStateKey(r.status)), text: `${t("support.kind.offline-sdk-formal")}: ${String((r.details as { packageName?: string }).packageName ?? "")} · ${formatDate(locale, r.createdAt)}` }))}
          />
          <LicenceQuotes
            t={t}
            locale={locale}
            quotes={quotes}
            decline={can(customer, "sdk#declineQuoteAction") ? declineQuoteAction : undefined}
            pay={can(customer, "checkout#purchaseAction")}
          />
        </Card>
      </div>
    </>
  );
}
