"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { useViewerRole } from "@/components/public/use-viewer-role";
import { safeReturnPath } from "@/lib/auth/redirect-target";

/**
 * On the prerendered sign-in page: a customer who is already signed in goes straight on to the
 * `callbackUrl` (made safe here, as the sign-in action does), instead of a form they do not need.
 * Staff stay: this is the customers' sign-in, theirs is /staff/sign-in.
 */
export function SignedInRedirect() {
  const role = useViewerRole();
  const params = useSearchParams();
  const router = useRouter();
  const target = safeReturnPath(params.get("callbackUrl"), "/");
  useEffect(() => {
    if (role === "customer") router.replace(target);
  }, [role, router, target]);
  return null;
}
