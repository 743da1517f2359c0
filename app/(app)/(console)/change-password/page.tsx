import type { Metadata } from "next";
import { CHANGE_PASSWORD_FIELDS } from "@/components/auth/password-fields";
import { PasswordForm } from "@/components/auth/password-form";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { changePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("password.change.title") };
}

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  await requireCustomer("/change-password");
  const { t } = await getTranslator();
  const { changed } = await searchParams;
  return (
    <>
      <PageHeader title={t("password.change.title")} description={t("password.change.description")} />
      <div className="max-w-md space-y-4">
        {changed ? <Alert tone="success">{t("password.change.done")}</Alert> : null}
        <Card>
          <PasswordForm
            inConsole
            action={changePasswordAction}
            submitLabel="password.change.submit"
            fields={CHANGE_PASSWORD_FIELDS}
          />
        </Card>
      </div>
    </>
  );
}
