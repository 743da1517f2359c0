import type { ReactNode } from "react";
import { AccountMenu } from "@/components/shell/account-menu";
import { AppShell } from "@/components/shell/app-shell";
import { staffNav } from "@/components/shell/nav";
import { requireStaff } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { signOutAction } from "@/app/actions/session";

export default async function SupportLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const { t } = await getTranslator();
  return (
    <AppShell t={t} nav={staffNav} home="/staff" menu={<AccountMenu t={t} email={staff.email} roleLabel={t(`menu.role.${staff.role}`)} audience="staff" signOut={signOutAction} />}>
      {children}
    </AppShell>
  );
}
