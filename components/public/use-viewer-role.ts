"use client";

import { useEffect, useState } from "react";
import { z } from "zod";

const viewerAnswer = z.object({ role: z.string().nullable() });

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
      .then(async (response) => (response.ok ? viewerAnswer.parse(await response.json()).role : null))
      .catch(() => null)
      .then((value) => {
        if (!abort.signal.aborted) setRole(value);
      });
    return () => abort.abort();
  }, []);
  return role;
}
