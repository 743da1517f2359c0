import type { ReactNode } from "react";
import { AuthFrame } from "@/components/auth/auth-frame";
import { localeOf } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";

export default async function AuthLayout({ children, params }: { children: ReactNode; params: Promise<{ lang: string }> }) {
  return <AuthFrame t={translatorFor(await localeOf(params))}>{children}</AuthFrame>;
}
