import type { Metadata } from "next";
import { CreateKeyForm } from "@/components/metering/create-key-form";
import { HowToCall } from "@/components/metering/how-to-call";
import { requestBaseUrl } from "@/components/metering/request-base-url";
import { RevokeKeyButton } from "@/components/metering/revoke-key-button";
import { RoleNote } from "@/components/members/role-note";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { can, customerContext, requireCustomer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { listApiKeys } from "@/lib/metering/api-keys";
import { activeProducts } from "@/lib/packs/activation";
import { APIS, monthOf, shanghaiIsoString } from "@/lib/pricing";
import { apiName } from "@/components/metering/api-name";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("apiKeys.title") };
}

export default async function ApiKeysPage() {
  const customer = await requireCustomer("/api-keys");
  const ctx = await customerContext(customer);
  const [keys, baseUrl, active, { t, locale }] = await Promise.all([listApiKeys({ ctx }), requestBaseUrl(), activeProducts({ ctx }), getTranslator()]);
  const month = monthOf(ctx.now);
  // The example reports a call to the first API (catalog order) of a service the customer has activated.
  const exampleApi = APIS.find((api) => active.has(api.product));
  const example = exampleApi ? { id: exampleApi.id, name: apiName(locale, exampleApi.id) } : null;
  // The next whole second, not the last: a time cut to the second could fall before an activation
  // made earlier in that same second, and the pasted sample would be refused as "not activated".
  const at = shanghaiIsoString(new Date(Math.ceil(ctx.now.getTime() / 1000) * 1000), "seconds");
  const manage = can(customer, "api-keys#createApiKeyAction");
  return (
    <>
      <PageHeader title={t("apiKeys.title")} description={t("apiKeys.subtitle")} />
      <div className="space-y-6">
        <Card title={t("apiKeys.create.title")}>
          {manage ? <CreateKeyForm baseUrl={baseUrl} month={month} at={at} api={example} create={createApiKeyAction} /> : <RoleNote t={t} role={customer.memberRole} />}
        </Card>
        <Card title={t("apiKeys.list.title")}>
          {keys.length === 0 ? (
            <EmptyState>{t("apiKeys.empty")}</EmptyState>
          ) : (
            <Table label={t("apiKeys.list.title")}>
              <thead>
                <tr>
                  <Th>{t("apiKeys.col.name")}</Th>
                  <Th>{t("apiKeys.col.prefix")}</Th>
                  <Th>{t("apiKeys.col.scopes")}</Th>
                  <Th>{t("apiKeys.col.createdBy")}</Th>
                  <Th>{t("apiKeys.col.created")}</Th>
                  <Th>{t("apiKeys.col.lastUsed")}</Th>
                  <Th>{t("apiKeys.col.status")}</Th>
                  <Th>
                    <span className="sr-only">{t("apiKeys.col.actions")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id} data-testid="api-key-row">
                    <Td className="font-medium">{key.name}</Td>
                    <Td className="font-mono text-xs">{key.displayPrefix}…</Td>
                    <Td className="font-mono text-xs whitespace-nowrap" data-testid="api-key-scopes">
                      {key.scopes.join(", ")}
                    </Td>
                    <Td data-testid="api-key-creator">{key.createdBy ?? t("apiKeys.createdBy.none")}</Td>
                    <Td>{formatDateTime(locale, key.createdAt)}</Td>
                    <Td>{key.lastUsedAt ? formatDateTime(locale, key.lastUsedAt) : <span className="whitespace-nowrap text-muted">{t("apiKeys.never")}</span>}</Td>
                    <Td>
                      {key.revokedAt ? (
                        <Badge tone="neutral">{t("apiKeys.status.revoked", { date: formatDateTime(locale, key.revokedAt) })}</Badge>
                      ) : (
                        <Badge tone="green">{t("apiKeys.status.active")}</Badge>
                      )}
                    </Td>
                    <Td>{key.revokedAt || !manage ? null : <RevokeKeyButton keyId={key.id} name={key.name} revoke={revokeApiKeyAction} />}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title={t("apiKeys.howTo.title")}>
          <HowToCall baseUrl={baseUrl} month={month} at={at} api={example} />
        </Card>
      </div>
    </>
  );
}
