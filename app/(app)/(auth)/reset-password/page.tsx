import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { PasswordForm } from "@/components/auth/password-form";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { resolveAuthSecret } from "@/lib/security/secret";
import { now } from "@/lib/clock";
import { ServiceError } from "@/lib/context";
import { getTranslator } from "@/lib/i18n/server";
import { verifyResetToken } from "@/lib/identity/password-reset";
import { resetPasswordAction } from "../password-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("password.reset.title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { t } = await getTranslator();
  const token = (await searchParams).token ?? "";
  const valid = await verifyResetToken({ ctx: { db: await getDb(), actor: { type: "anonymous" }, now: now() }, token, secret: resolveAuthSecret() }).then(
    () => true,
    (error: unknown) => {
      if (error instanceof ServiceError) return false;
      throw error;
    },
  );
  return (
    <AuthCard title={t("password.reset.title")} subtitle={t("password.reset.subtitle")}>
      {valid ? (
        <PasswordForm
          action={resetPasswordAction}
          submitLabel="password.reset.submit"
          hidden={{ token }}
          fields={[{ name: "newPassword", label: "password.field.new", type: "password", autoComplete: "new-password", hint: "auth.field.passwordHint" }]}
        />
      ) : (
        <div className="space-y-4">
          <Alert tone="error">{t("password.reset.invalid")}</Alert>
          <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
            {t("password.reset.requestNew")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
