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
      // On a phone the top bar has no room left: the badge floats in the viewport's bottom corner
      // instead, and lets taps through to whatever is under it (it only informs). The top bar must not
      // become its containing block (no backdrop-filter or transform on it), or it would cover the menu.
      className="no-print pointer-events-none fixed bottom-3 left-3 z-30 inline-flex shrink-0 items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-amber-900 shadow ring-1 ring-amber-600/30 ring-inset sm:pointer-events-auto sm:static sm:shadow-none"
    >
      {t("payments.sandboxBadge")}
    </span>
  );
}
