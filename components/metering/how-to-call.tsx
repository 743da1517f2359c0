"use client";

import { useI18n } from "@/components/i18n/i18n-provider";

export const KEY_PLACEHOLDER = "YOUR_API_KEY";

/**
 * The gateway's calls as curl commands (API.md §1) against this console's base URL. With a fresh
 * secret they are ready to paste; otherwise they carry a placeholder.
 */
export function HowToCall({ baseUrl, secret = KEY_PLACEHOLDER, month, at }: { baseUrl: string; secret?: string; month: string; at: string }) {
  const { t } = useI18n();
  const report = [
    `curl -X POST ${baseUrl}/api/v1/usage \\`,
    `  -H "Authorization: Bearer ${secret}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"events":[{"id":"gw-0001","api":"processing.quality","calls":1,"at":"${at}"}]}'`,
  ].join("\n");
  const summary = [`curl "${baseUrl}/api/v1/usage/summary?month=${month}" \\`, `  -H "Authorization: Bearer ${secret}"`].join("\n");
  return (
    <div className="space-y-3 text-sm">
      <p className="text-muted">{t("apiKeys.howTo.body")}</p>
      <CodeBlock code={report} label="POST /api/v1/usage" />
      <p className="text-muted">{t("apiKeys.howTo.summary")}</p>
      <CodeBlock code={summary} label="GET /api/v1/usage/summary" />
      {secret === KEY_PLACEHOLDER ? <p className="text-xs text-muted">{t("apiKeys.howTo.placeholder")}</p> : null}
    </div>
  );
}

function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <pre aria-label={label} tabIndex={0} className="relative overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs leading-relaxed text-slate-100">
      <code>{code}</code>
    </pre>
  );
}
