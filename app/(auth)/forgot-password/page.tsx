import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { PasswordForm } from "@/components/auth/password-form";
import { getTranslator } from "@/lib/i18n/server";
import { forgotPasswordAction } from "../password-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("password.forgot.title") };
}

export default async function ForgotPasswordPage() {
  const { t } = await getTranslator();
  return (
    <AuthCard
      title={t("password.forgot.title")}
      subtitle={t("password.forgot.subtitle")}
      footer={
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          {t("password.forgot.back")}
        </Link>
      }
    >
      <PasswordForm action={forgotPasswordAction} submitLabel="password.forgot.submit" fields={[{ name: "email", label: "auth.field.email", type: "email", autoComplete: "email" }]} />
    </AuthCard>
  );
}
