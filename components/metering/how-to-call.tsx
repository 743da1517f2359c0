"use client";

import Link from "@/components/ui/app-link";
import { useI18n } from "@/components/i18n/i18n-provider";

export const KEY_PLACEHOLDER = "YOUR_API_KEY";

/** The API the report example names: one of a service the customer has activated (others are refused), or none yet. */
export type ExampleApi = { id: string; name: string } | null;

/**
 * The gateway's calls as curl commands (API.md §1) against this console's base URL. With a fresh
 * secret they are ready to paste; otherwise they carry a placeholder. The report names an API the
 * customer has activated, so pasting it works (issue 19 item 10); with none active it says so first.
 */
export function HowToCall({ baseUrl, secret = KEY_PLACEHOLDER, month, at, api }: { baseUrl: string; secret?: string; month: string; at: string; api: ExampleApi }) {
  const { t } = useI18n();
  const report = api && [
    `curl -X POST ${baseUrl}/api/v1/usage \\`,
    `  -H "Authorization: Bearer ${secret}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"events":[{"id":"gw-0001","api":"${api.id}","calls":1,"at":"${at}"}]}'`,
  ].join("\n");
  const summary = [`curl "${baseUrl}/api/v1/usage/summary?month=${month}" \\`, `  -H "Authorization: Bearer ${secret}"`].join("\n");
  return (
    <div className="space-y-3 text-sm">
      <p className="text-muted">{t("apiKeys.howTo.body")}</p>
      {report && api ? (
        <>
          <p className="text-muted" data-testid="curl-api">
            {t("apiKeys.howTo.example", { api: api.name, id: api.id })}
          </p>
          <CodeBlock code={report} label="POST /api/v1/usage" />
        </>
      ) : (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="curl-activate-first">
          {t("apiKeys.howTo.activateFirst")}{" "}
          <Link href="/services" className="font-medium text-brand-700 underline">
            {t("apiKeys.howTo.activateLink")}
          </Link>
        </p>
      )}
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
