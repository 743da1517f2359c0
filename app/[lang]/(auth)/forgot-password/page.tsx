import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { PasswordForm } from "@/components/auth/password-form";
import { localeOf } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";
import { forgotPasswordAction } from "@/app/(app)/(auth)/password-actions";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translatorFor(await localeOf(params))("password.forgot.title") };
}

/** Prerendered per locale (proxy.ts serves the visitor's): nothing here depends on the request. */
export default async function ForgotPasswordPage({ params }: Props) {
  const t = translatorFor(await localeOf(params));
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
