import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { localeOf } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";
import { signUpAction } from "@/app/(app)/(auth)/actions";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translatorFor(await localeOf(params))("auth.signUp.title") };
}

/** Prerendered per locale (proxy.ts serves the visitor's): nothing here depends on the request. */
export default async function SignUpPage({ params }: Props) {
  const t = translatorFor(await localeOf(params));
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
