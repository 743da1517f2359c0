"use client";

import { useSearchParams } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { safeReturnPath } from "@/lib/auth/redirect-target";

/** What brought the visitor to sign-in (`?signedOut`, `?reset`, `?callbackUrl`), read in the browser so the page is prerendered. */
export function SignInNotices() {
  const { t } = useI18n();
  const params = useSearchParams();
  const callbackUrl = params.get("callbackUrl");
  return (
    <>
      {params.get("signedOut") ? <Alert tone="success">{t("auth.signedOut")}</Alert> : null}
      {params.get("reset") ? <Alert tone="success">{t("password.reset.done")}</Alert> : null}
      {params.get("joined") ? <Alert tone="success">{t("auth.joined")}</Alert> : null}
      {callbackUrl && safeReturnPath(callbackUrl, "/") !== "/" ? <Alert tone="info">{t("auth.redirected")}</Alert> : null}
    </>
  );
}
