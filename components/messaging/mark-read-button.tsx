"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonClass } from "@/components/ui/button";
import { liveKeys } from "@/lib/live/keys";
import { useReadOnlyViewNote } from "@/components/ui/read-only-view";

/** Marks one message (or, with no ids, every message) as read. */
export function MarkReadButton({ ids, all = false, markRead }: { ids: number[]; all?: boolean; markRead: (ids: number[]) => Promise<unknown> }) {
  const { t } = useI18n();
  const router = useRouter();
  const queries = useQueryClient();
  const [pending, startTransition] = useTransition();
  // A read-only support view: the server would refuse it (components/ui/read-only-view.tsx).
  const viewNote = useReadOnlyViewNote();
  return (
    <button
      type="button"
      disabled={pending || viewNote !== null}
      title={viewNote ?? undefined}
      className={all ? buttonClass("secondary") : "text-xs text-brand-600 hover:underline disabled:text-muted"}
      onClick={() =>
        startTransition(async () => {
          await markRead(ids);
          // The bell's count is a live query: refetch it now rather than at its next interval.
          await queries.invalidateQueries({ queryKey: liveKeys.unread });
          router.refresh();
        })
      }
    >
      {all ? t("inbox.markAllRead") : t("inbox.markRead")}
    </button>
  );
}
