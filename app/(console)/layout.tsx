import type { ReactNode } from "react";
import { AccountMenu } from "@/components/shell/account-menu";
import { AppShell } from "@/components/shell/app-shell";
import { customerNav } from "@/components/shell/nav";
import { requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const customer = await requireCustomer();
  const { t } = await getTranslator();
  return (
    <AppShell
      t={t}
      nav={customerNav}
      home="/"
      menu={<AccountMenu t={t} email={customer.email} roleLabel={t("menu.role.customer")} accountId={customer.accountId} audience="customer" />}
    >
      {children}
    </AppShell>
  );
}
