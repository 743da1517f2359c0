import type { ReactNode } from "react";
import { AccountMenu } from "@/components/shell/account-menu";
import { AppShell } from "@/components/shell/app-shell";
import { customerNav } from "@/components/shell/nav";
import { MessageBell } from "@/components/shell/message-bell";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { unreadCount } from "@/lib/messaging/inbox";
import { getTranslator } from "@/lib/i18n/server";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const customer = await requireCustomer();
  const [{ t }, unread] = await Promise.all([getTranslator(), customerContext(customer).then((ctx) => unreadCount({ ctx }))]);
  return (
    <AppShell
      t={t}
      nav={customerNav}
      home="/"
      menu={
        <>
          <MessageBell t={t} unread={unread} />
          <AccountMenu t={t} email={customer.email} roleLabel={t("menu.role.customer")} accountId={customer.accountId} audience="customer" />
        </>
      }
    >
      {children}
    </AppShell>
  );
}
