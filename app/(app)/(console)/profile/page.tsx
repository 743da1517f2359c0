import type { Metadata } from "next";
import { ProfileForm } from "@/components/profile/profile-form";
import { RoleNote } from "@/components/members/role-note";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { can, customerContext, requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { getProfile } from "@/lib/profile/profile";
import { updateProfileAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("profile.title") };
}

export default async function ProfilePage() {
  const customer = await requireCustomer("/profile");
  const [profile, { t }] = await Promise.all([getProfile({ ctx: await customerContext(customer) }), getTranslator()]);
  return (
    <>
      <PageHeader title={t("profile.title")} description={t("profile.description")} />
      <Card title={t("profile.card")}>
        <p className="mb-4 text-sm text-muted">{t("profile.email", { email: customer.email })}</p>
        {can(customer, "profile#updateProfileAction") ? (
          <ProfileForm companyName={profile.companyName} contactPhone={profile.contactPhone ?? ""} save={updateProfileAction} />
        ) : (
          <div className="space-y-2 text-sm">
            <p className="font-medium">{profile.companyName}</p>
            {profile.contactPhone ? <p>{profile.contactPhone}</p> : null}
            <RoleNote t={t} role={customer.memberRole} />
          </div>
        )}
      </Card>
    </>
  );
}
