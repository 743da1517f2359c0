"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

type LiveQuery = "balance" | "standing" | "packs" | "unread" | "usage";

/**
 * Rendered by the page an action lands on (its redirect target: a purchase's receipt, the packs page
 * after a refund): the live queries the action changed are refetched now, not at their next interval
 * (the banner's standing and the bell live in the layout, which a redirect does not re-render).
 */
export function InvalidateLive({ queries }: { queries: LiveQuery[] }) {
  const client = useQueryClient();
  const key = queries.join(",");
  useEffect(() => {
    for (const name of key.split(",")) void client.invalidateQueries({ queryKey: ["console", name] });
  }, [client, key]);
  return null;
}
