import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CHANGE_PASSWORD_FIELDS } from "@/components/auth/password-fields";
import { PasswordForm } from "@/components/auth/password-form";
import { AuthCard } from "@/components/auth/auth-card";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/session";
import { staffMustChangePassword } from "@/lib/identity/staff";
import { getTranslator } from "@/lib/i18n/server";
import { changeStaffPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("staff.password.title") };
}

/** Where staff on a one-time password are sent by every staff page until they choose their own. */
export default async function StaffChangePasswordPage() {
  const staff = await requireStaff({ beforePasswordChange: true });
  if (!(await staffMustChangePassword(await getDb(), staff.userId))) redirect("/staff");
  const { t } = await getTranslator();
  return (
    <AuthCard title={t("staff.password.title")} subtitle={t("staff.password.description")}>
      <PasswordForm
        action={changeStaffPasswordAction}
        submitLabel="password.change.submit"
        fields={CHANGE_PASSWORD_FIELDS}
      />
    </AuthCard>
  );
}
