import { getTranslator } from "@/lib/i18n/server";
import { sandboxPaymentsEnabled } from "@/lib/wallet/providers/config";

/**
 * Issue 9 item 1: while PAYMENT_PROVIDER=sandbox, top-ups are fake money, and everyone looking at
 * the console must be able to tell. Rendered in the shell's top bar; renders nothing otherwise.
 */
export async function SandboxPaymentsBadge() {
  if (!sandboxPaymentsEnabled()) return null;
  const { t } = await getTranslator();
  return (
    <span
      data-testid="sandbox-payments-badge"
      title={t("payments.sandboxBadge.hint")}
      // On a phone it stays in the top bar, smaller, on one line: it used to float in the bottom corner
      // and covered what was under it (issue 19 item 10: "Income balance" at checkout).
      className="no-print inline-flex shrink-0 items-center rounded-full bg-amber-100 px-1.5 py-0.5 text-[10px] leading-tight font-semibold whitespace-nowrap text-amber-900 ring-1 ring-amber-600/30 ring-inset sm:px-2 sm:text-xs"
    >
      {t("payments.sandboxBadge")}
    </span>
  );
}
