"use client";

import { useEffect, useState } from "react";

/** The answer's role, or null for anything else (a hand check: zod would add ~100 kB to every public page's JavaScript). */
function roleOf(answer: unknown): string | null {
  const role = typeof answer === "object" && answer !== null ? (answer as { role?: unknown }).role : null;
  return typeof role === "string" ? role : null;
}

/** `undefined` while the answer is on its way, `null` without a session. */
export type ViewerRole = string | null | undefined;

/**
 * The signed-in role of this browser, asked of app/api/console/viewer after the page is drawn: the
 * public pages are prerendered once per locale for everyone (the session cookie is httpOnly, so the
 * browser cannot tell by itself). Any failure reads as "no session": the page then offers sign-in,
 * which is what it shows before the answer anyway.
 */
export function useViewerRole(): ViewerRole {
  const [role, setRole] = useState<ViewerRole>(undefined);
  useEffect(() => {
    const abort = new AbortController();
    fetch("/api/console/viewer", { signal: abort.signal, cache: "no-store", credentials: "same-origin" })
      .then(async (response) => (response.ok ? roleOf(await response.json()) : null))
      .catch(() => null)
      .then((value) => {
        if (!abort.signal.aborted) setRole(value);
      });
    return () => abort.abort();
  }, []);
  return role;
}
