import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { Alert } from "@/components/ui/alert";
import { getTranslator } from "@/lib/i18n/server";
import { signInStaffAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.staff.title") };
}

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      {params.signedOut ? <Alert tone="success">{t("auth.signedOut")}</Alert> : null}
      <AuthCard
        title={t("auth.staff.title")}
        subtitle={t("auth.staff.subtitle")}
        footer={
          <Link href="/sign-in" className="hover:underline">
            {t("auth.staff.customerLink")}
          </Link>
        }
      >
        <AuthForm action={signInStaffAction} submitLabel="auth.signIn.submit" callbackUrl="/staff" />
      </AuthCard>
    </div>
  );
}
