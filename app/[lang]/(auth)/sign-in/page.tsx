import type { Metadata } from "next";
import { SignInPage } from "@/components/auth/sign-in-page";
import { localeOf } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";
import { signInCustomerAction } from "@/app/(app)/(auth)/actions";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translatorFor(await localeOf(params))("auth.signIn.submit") };
}

/** Prerendered per locale, for visitors without a session (proxy.ts); a session cookie gets app/(app)/(auth)/sign-in. */
export default async function Page({ params }: Props) {
  return <SignInPage t={translatorFor(await localeOf(params))} signIn={signInCustomerAction} />;
}
