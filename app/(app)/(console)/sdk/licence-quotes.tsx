import Link from "@/components/ui/app-link";
import { ActionForm } from "@/components/quota/action-form";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { formatDate } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing";
import type { QuoteState } from "@/lib/quota/licence-quotes";
import type { QuotaFormState } from "@/components/quota/form-state";

interface Quote {
  id: string;
  packageName: string;
  years: number;
  price: string;
  quotedAt: Date;
  expiresAt: Date;
  state: QuoteState;
}

const tone: Record<QuoteState, "green" | "amber" | "neutral" | "red"> = { open: "amber", paid: "green", declined: "neutral", expired: "red" };

/** Support's quotes for a formal offline-SDK licence: an open one can be paid at checkout or declined. */
export function LicenceQuotes({
  t,
  locale,
  quotes,
  decline,
  pay = true,
}: {
  t: Translate;
  locale: Locale;
  quotes: Quote[];
  /** Absent when the member's role may not decline (docs/roles.md). */
  decline?: (state: QuotaFormState, formData: FormData) => Promise<QuotaFormState>;
  /** Whether the member's role may pay at checkout. */
  pay?: boolean;
}) {
  if (quotes.length === 0) return null;
  return (
    <div className="mt-4">
      <p className="mb-2 text-sm font-medium">{t("sdk.quotes")}</p>
      <ul className="space-y-3 text-sm">
        {quotes.map((quote) => (
          <li key={quote.id} className="space-y-2 rounded-md border border-line p-3" data-testid="licence-quote">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={tone[quote.state]}>{t(`sdk.quote.state.${quote.state}`)}</Badge>
              <span className="font-medium break-all">{t("sdk.quote.line", { package: quote.packageName, price: formatYuan(quote.price), years: quote.years })}</span>
            </p>
            {quote.state === "open" ? (
              <>
                <p className="text-muted">{t("sdk.quote.expires", { quoted: formatDate(locale, quote.quotedAt), until: formatDate(locale, quote.expiresAt) })}</p>
                <div className="flex flex-wrap items-start gap-3">
                  {pay ? (
                    <Link href={`/checkout?item=${encodeURIComponent("body.offline-sdk:formal")}&quantity=1&quoteId=${quote.id}`} className={buttonClass("primary")}>
                      {t("sdk.quote.pay")}
                    </Link>
                  ) : null}
                  {decline ? (
                    <ActionForm action={decline} submit="sdk.quote.decline" doneMessage="sdk.quote.declined" variant="secondary">
                      <input type="hidden" name="quoteId" value={quote.id} />
                    </ActionForm>
                  ) : null}
                </div>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
