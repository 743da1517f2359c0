import { formatDate, formatDateTime } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing";
import { ToolForm } from "./tool-form";

type ToolAction = (state: { error?: string; done?: boolean }, formData: FormData) => Promise<{ error?: string; done?: boolean }>;

interface Props {
  request: { id: string; status: string; details: unknown; createdAt: Date };
  /** The request's latest quote, if any. */
  quote?: { price: string; years: number; quotedAt: Date; expiresAt: Date; status: string };
  action: ToolAction;
  t: Translate;
  locale: Locale;
  now: Date;
}

/** A formal offline-SDK licence request on the staff account page: the quote form, or the open quote. */
export function LicenceQuoteTool({ request, quote, action, t, locale, now }: Props) {
  const details = request.details as { packageName?: string; years?: number; note?: string };
  const open = quote && quote.status === "open" && now < quote.expiresAt;
  const expired = quote && quote.status === "open" && !open;
  return (
    <li className="space-y-2" data-testid="licence-quote-request">
      <p className="font-medium break-all">
        {t("staff.tool.quote.title", { package: details.packageName ?? "", years: details.years ?? 1 })} · {formatDateTime(locale, request.createdAt)}
      </p>
      {details.note ? <p className="text-muted">{t("staff.tool.quote.note", { note: details.note })}</p> : null}
      {open ? (
        <p className="text-muted">{t("staff.tool.quote.current", { price: formatYuan(quote.price), years: quote.years, quoted: formatDate(locale, quote.quotedAt), until: formatDate(locale, quote.expiresAt) })}</p>
      ) : (
        <>
          {expired ? <p className="text-amber-900">{t("staff.tool.quote.expired", { price: formatYuan(quote.price), until: formatDate(locale, quote.expiresAt) })}</p> : null}
          <ToolForm
            idPrefix={`quote-${request.id}`}
            action={action}
            hidden={{ requestId: request.id }}
            fields={[
              { name: "price", label: "staff.tool.quote.price", type: "text" },
              { name: "years", label: "staff.tool.quote.years", type: "number", min: "1", max: "5", defaultValue: String(details.years ?? 1) },
            ]}
            submit="staff.tool.quote.submit"
            done="staff.tool.quote.done"
          />
        </>
      )}
    </li>
  );
}
