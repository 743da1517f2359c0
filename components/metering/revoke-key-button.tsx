"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonClass } from "@/components/ui/button";
import { errorMessage } from "@/lib/i18n/translator";
import { useReadOnlyViewNote } from "@/components/ui/read-only-view";

/** Revoking is immediate and final, so it asks once more, in place, naming the key. */
export function RevokeKeyButton({ keyId, name, revoke }: { keyId: string; name: string; revoke: (keyId: string) => Promise<{ ok: boolean; error?: string }> }) {
  const { t } = useI18n();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // A read-only support view: the server would refuse it (components/ui/read-only-view.tsx).
  const viewNote = useReadOnlyViewNote();
  if (!confirming) {
    return (
      <button type="button" className={buttonClass("secondary", "px-3 py-1 text-xs")} onClick={() => setConfirming(true)} aria-label={`${t("apiKeys.revoke")} ${name}`}>
        {t("apiKeys.revoke")}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t("apiKeys.revoke")} className="max-w-xs space-y-2">
      <p className="text-xs text-ink whitespace-normal">{t("apiKeys.revoke.confirm", { name })}</p>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={pending || viewNote !== null}
          title={viewNote ?? undefined}
          className={buttonClass("danger", "px-3 py-1 text-xs")}
          onClick={() =>
            startTransition(async () => {
              const result = await revoke(keyId);
              if (result.ok) {
                setConfirming(false);
                router.refresh();
              } else setError(errorMessage(t, result.error ?? "unexpected"));
            })
          }
        >
          {t("apiKeys.revoke.yes")}
        </button>
        <button type="button" className={buttonClass("ghost", "px-3 py-1 text-xs")} onClick={() => setConfirming(false)}>
          {t("apiKeys.revoke.cancel")}
        </button>
      </div>
      {error ? <p className="text-xs text-red-600" role="alert">{error}</p> : null}
    </div>
  );
}
