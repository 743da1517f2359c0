import { formatDateTime, formatMonth } from "@/lib/i18n/format-date";
import { Alert } from "@/components/ui/alert";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

/** Issue 22 part 1: between the month's end and the start of its close, the month-to-date pages say last month is still closing. */
export function ClosingNotice({ t, locale, closing }: { t: Translate; locale: Locale; closing: { month: string; until: Date } | null }) {
  if (!closing) return null;
  const month = formatMonth(locale, closing.month);
  return (
    <div data-testid="month-closing">
      <Alert tone="info">
        <strong className="block font-semibold">{t("closing.title", { month })}</strong>
        {t("closing.body", { month, until: formatDateTime(locale, closing.until) })}
      </Alert>
    </div>
  );
}
