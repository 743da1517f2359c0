import type { Database } from "@/db/client";

/**
 * What must happen when a posting moves an account's spendable balance (cash, income or gift), in
 * the posting's own transaction: today the balance alert (issue 13, lib/budgets/balance-alert.ts).
 * The wallet sits below the domains that react to it (eslint.layers.mjs), so they register here —
 * once per process, through `wireDomainHooks` (lib/hooks) — instead of the ledger importing them.
 */
export type BalanceMovedHook = (tx: Database, accountId: string, at: Date) => Promise<unknown>;

// On globalThis: Next.js loads this module once per bundle (instrumentation, each route) in one
// process, and instrumentation.ts is where the server registers.
const holder = globalThis as unknown as { __balanceMovedHooks?: Map<string, BalanceMovedHook> };
const hooks = (holder.__balanceMovedHooks ??= new Map());

/** Registers (or replaces) the hook of that name. */
export function onBalanceMoved(name: string, hook: BalanceMovedHook): void {
  hooks.set(name, hook);
}

/**
 * Runs every registered hook, in registration order, inside the caller's transaction. A process that
 * posts without having wired its hooks is a programming error: it throws rather than silently
 * skipping the balance alert.
 */
export async function runBalanceMovedHooks(tx: Database, accountId: string, at: Date): Promise<void> {
  if (hooks.size === 0) throw new Error("ledger posting hooks are not wired: call wireDomainHooks() (lib/hooks) when the process starts");
  for (const hook of hooks.values()) await hook(tx, accountId, at);
}
