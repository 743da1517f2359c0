import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { Alert } from "@/components/ui/alert";
import { auth } from "@/lib/auth";
import { safeReturnPath } from "@/lib/auth/redirect-target";
import { getTranslator } from "@/lib/i18n/server";
import { signInCustomerAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.signIn.submit") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl, "/");
  const session = await auth();
  if (session?.user?.role === "customer") redirect(callbackUrl);
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      {params.signedOut ? <Alert tone="success">{t("auth.signedOut")}</Alert> : null}
      {params.reset ? <Alert tone="success">{t("password.reset.done")}</Alert> : null}
      {params.callbackUrl && callbackUrl !== "/" ? <Alert tone="info">{t("auth.redirected")}</Alert> : null}
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
        <AuthForm action={signInCustomerAction} submitLabel="auth.signIn.submit" callbackUrl={callbackUrl} />
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
