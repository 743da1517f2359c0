import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInPage } from "@/components/auth/sign-in-page";
import { auth } from "@/lib/auth";
import { safeReturnPath } from "@/lib/auth/redirect-target";
import { getTranslator } from "@/lib/i18n/server";
import { signInCustomerAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.signIn.submit") };
}

/**
 * A visitor without a session gets the prerendered copy (app/[lang]/(auth)/sign-in, chosen by
 * proxy.ts); this per-request page is for a session cookie: a signed-in customer goes on to the target.
 */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "/");
  const session = await auth();
  if (session?.user?.role === "customer") redirect(callbackUrl);
  const { t } = await getTranslator();
  return <SignInPage t={t} signIn={signInCustomerAction} />;
}
