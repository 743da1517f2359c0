/**
 * The layers of the code, enforced by `npm run lint` (STYLE.md point 13, issue 18 item 4) and
 * described in docs/architecture.md ("Layers"). `eslint.config.mjs` turns this file into
 * `no-restricted-imports` rules, one set per file glob.
 *
 * A request reads top to bottom: page or action → service → (pricing, db). So:
 * - `lib/` never imports `app/` or `components/`; `components/` never imports `app/` (a page passes
 *   its server actions to a component as props);
 * - `lib/pricing` imports nothing of ours but its own files (it runs in the browser too);
 * - a domain folder never imports tooling (`lib/tooling/**`); a test may import `lib/tooling/testing`;
 * - a domain folder imports only folders on a LOWER level of `DOMAIN_LEVELS`, never one on its own
 *   level or above. A side effect that must reach up goes through one explicit hook (the ledger's
 *   posting hooks, `lib/wallet/posting-hooks.ts`) or the `run-due` job.
 */

/**
 * lib's domain folders, top level first. Peers on one level do not import each other.
 * A folder added to lib/ must be placed here (the layers test fails otherwise).
 */
export const DOMAIN_LEVELS = [
  // Entry points called by routes, actions and the ops command: they compose the domain.
  ["ops", "live", "exports", "actions", "hooks"],
  // The request: who is asking (the session, a staff member's support view) and which page.
  ["auth", "routing"],
  // Work that acts across the domain: staff tools, the close and the run-due job.
  ["support", "billing"],
  // Spend control: budgets judge the forecast, which reads usage and packs.
  ["budgets"],
  // members: invitations, roles and removals (issue 21); a removal revokes keys through metering.
  ["forecast", "orders", "members"],
  // Usage draws from packs; packs, purchases and refunds move money through the wallet.
  ["metering"],
  ["purchases", "refunds"],
  // transfers: bank statement lines credited to the wallet; invoices: what was paid in, invoiced (refunds ask it).
  ["packs", "quota", "transfers", "invoices"],
  ["wallet"],
  // Foundations every service uses.
  // params: the one parser of months and dates a request names (issue 17 item 2).
  ["identity", "profile", "messaging", "params"],
  ["calculator", "audit", "i18n", "security"],
  ["context", "clock", "pricing"],
];

/** lib/tooling's folders: command lines, benchmarks, test helpers, the demo data, the server entries. */
export const TOOLING = "lib/tooling";

/** Imports allowed to break a rule while they are being removed (none today). Each entry: `{ file, reason }`. */
/** @type {{ file: string, reason: string }[]} */
export const PENDING_REMOVAL = [];
