/**
 * TRUST_PROXY: how many reverse proxies of ours stand in front of the console (issue 9 item 6,
 * issue 18 item 1). Only then is a forwarded header believed: the console is served by `next start`,
 * and Next.js fills `X-Forwarded-For` from the socket only when the client sent none, so without a
 * proxy that sets it a client could name any address it liked.
 *
 * Unset, "", "0", "false" → 0; "true" → 1; a whole number → that many. Anything else is refused
 * (`npm start` checks it before starting, so a typo fails loudly instead of meaning "off").
 */
export function trustedProxyHops(value: string | undefined): number {
  const text = String(value ?? "").trim().toLowerCase();
  if (text === "" || text === "0" || text === "false") return 0;
  if (text === "true") return 1;
  const hops = Number.parseInt(text, 10);
  if (!Number.isInteger(hops) || hops < 0 || String(hops) !== text) throw new Error(`TRUST_PROXY must be a number of proxy hops (1 for one reverse proxy), true or unset; got "${value}"`);
  return hops;
}
