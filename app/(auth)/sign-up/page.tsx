import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { getTranslator } from "@/lib/i18n/server";
import { signUpAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.signUp.title") };
}

export default async function SignUpPage() {
  const { t } = await getTranslator();
  return (
    <AuthCard
      title={t("auth.signUp.title")}
      subtitle={t("auth.signUp.subtitle")}
      footer={
        <span>
          {t("auth.signUp.haveAccount")}{" "}
          <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
            {t("auth.signUp.signInLink")}
          </Link>
        </span>
      }
    >
      <AuthForm action={signUpAction} submitLabel="auth.signUp.submit" withCompany newPassword />
    </AuthCard>
  );
}
