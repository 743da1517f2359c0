import type { ReactNode } from "react";
import { AuthFrame } from "@/components/auth/auth-frame";
import { getTranslator } from "@/lib/i18n/server";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = await getTranslator();
  return <AuthFrame t={t}>{children}</AuthFrame>;
}
