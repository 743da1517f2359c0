import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { getOwnAccount } from "@/lib/identity/account";
import { getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("overview.title") };
}

const statusTone = { active: "green", arrears: "amber", suspended: "red", disabled: "red" } as const;
const products: MessageKey[] = ["product.scan", "product.recognition", "product.processing", "product.body"];

export default async function OverviewPage() {
  const customer = await requireCustomer("/");
  const account = await getOwnAccount({ ctx: await customerContext(customer) });
  const { t, locale } = await getTranslator();
  const since = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(account.createdAt);
  return (
    <>
      <PageHeader title={t("overview.welcome", { name: account.name })} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("overview.accountStatus")}>
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-muted">{t("overview.accountStatus")}</dt>
              <dd>
                <Badge tone={statusTone[account.status]}>{t(`overview.status.${account.status}`)}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-muted">{t("overview.accountId")}</dt>
              <dd className="mt-0.5 font-mono text-xs break-all select-all">{account.id}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-muted">{t("overview.memberSince")}</dt>
              <dd>{since}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t("overview.products")} className="lg:col-span-2">
          <ul className="grid gap-3 sm:grid-cols-2">
            {products.map((key) => (
              <li key={key} className="rounded-md border border-line px-3 py-2 text-sm">
                {t(key)}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("overview.gettingStarted")} className="lg:col-span-3">
          <Link href="/calculator" className="text-sm text-brand-600 hover:underline">
            {t("overview.gettingStarted.calculator")}
          </Link>
        </Card>
      </div>
    </>
  );
}
