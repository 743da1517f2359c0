import "server-only";
import { checkBalanceAlert } from "@/lib/budgets/balance-alert";
import { onBalanceMoved } from "@/lib/wallet/posting-hooks";

/**
 * The one place a lower layer's event is wired to a higher layer's reaction (eslint.layers.mjs:
 * imports only run down). Every process that can post to the ledger calls this once at start:
 * the Next.js server (instrumentation.ts), the command lines under lib/tooling, and the tests
 * (lib/tooling/testing/wire-hooks.ts). Calling it again is harmless.
 */
export function wireDomainHooks(): void {
  // Issue 13: the balance alert is checked in the same transaction as the posting that moved the balance.
  onBalanceMoved("budgets:balance-alert", checkBalanceAlert);
}
