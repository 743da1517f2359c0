import type { Metadata } from "next";
import { Suspense } from "react";
import { SignedInRedirect } from "@/components/auth/signed-in-redirect";
import { SignInPage } from "@/components/auth/sign-in-page";
import { localeOf } from "@/lib/i18n/static-params";
import { translatorFor } from "@/lib/i18n/translate";
import { signInCustomerAction } from "@/app/(app)/(auth)/actions";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translatorFor(await localeOf(params))("auth.signIn.submit") };
}

/**
 * Prerendered per locale, for everyone (proxy.ts serves the visitor's): a signed-in customer is sent
 * on to the `callbackUrl` from the browser (the query is only known there).
 */
export default async function Page({ params }: Props) {
  return (
    <>
      <Suspense fallback={null}>
        <SignedInRedirect />
      </Suspense>
      <SignInPage t={translatorFor(await localeOf(params))} signIn={signInCustomerAction} />
    </>
  );
}
