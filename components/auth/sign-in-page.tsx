import Link from "next/link";
import { Suspense } from "react";
import type { FormAction } from "@/components/ui/form-action";
import type { Translate } from "@/lib/i18n/translate";
import { AuthCard } from "./auth-card";
import { AuthForm, type AuthFormState } from "./auth-form";
import { SignInNotices } from "./sign-in-notices";

/** The customer sign-in page, prerendered per locale for everyone: the query is read in the browser. */
export function SignInPage({ t, signIn }: { t: Translate; signIn: FormAction<AuthFormState> }) {
  return (
    <div className="space-y-4">
      <Suspense fallback={null}>
        <SignInNotices />
      </Suspense>
      <AuthCard
        title={t("auth.signIn.title")}
        subtitle={t("auth.signIn.subtitle")}
        footer={
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {t("auth.signIn.noAccount")}{" "}
              <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
                {t("auth.signIn.createAccount")}
              </Link>
            </span>
            <Link href="/staff/sign-in" className="text-xs hover:underline">
              {t("auth.signIn.staffLink")}
            </Link>
          </div>
        }
      >
        <AuthForm action={signIn} submitLabel="auth.signIn.submit" callbackUrl="query" />
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="text-brand-600 hover:underline">
            {t("auth.signIn.forgot")}
          </Link>
        </p>
      </AuthCard>
      <p className="text-center text-sm">
        <Link href="/calculator" className="text-brand-600 hover:underline">
          {t("auth.signIn.calculatorLink")}
        </Link>
      </p>
    </div>
  );
}
