"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonClass } from "@/components/ui/button";

/** A secret in a read-only box with a copy button; selecting the box selects the whole secret. */
export function SecretBox({ secret, label }: { secret: string; label: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        readOnly
        value={secret}
        aria-label={label}
        data-testid="api-key-secret"
        onFocus={(event) => event.currentTarget.select()}
        className="min-w-0 flex-1 rounded-md border border-line bg-white px-3 py-2 font-mono text-sm text-ink"
      />
      <button
        type="button"
        className={buttonClass("secondary")}
        onClick={() => {
          navigator.clipboard.writeText(secret).then(
            () => setCopied("yes"),
            () => setCopied("failed"),
          );
        }}
      >
        {t("apiKeys.secret.copy")}
      </button>
      <span role="status" className="text-xs text-muted">
        {copied === "yes" ? t("apiKeys.secret.copied") : copied === "failed" ? t("apiKeys.secret.copyFailed") : ""}
      </span>
    </div>
  );
}
