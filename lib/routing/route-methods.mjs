/**
 * Which methods each address serves, so a method it does not serve answers 405 with an `Allow`
 * header (issue 17 item 4) instead of rendering the page (PUT /calculator was a 200), a 400, or a
 * 500. Plain JavaScript: proxy.ts reads it. TRACE never reaches proxy.ts (Next builds a fetch
 * Request, which refuses it); nginx in front answers it 405 (deploy/nginx.conf).
 *
 * - A page serves GET and HEAD, and POST (its server actions: before hydration a form posts without
 *   the Next-Action header, so a POST cannot be told apart here); OPTIONS is answered for it.
 * - A route handler serves what its route.ts exports, HEAD with GET, and OPTIONS (Next answers it).
 *   lib/routing/route-methods.test.ts fails when this list and the route files disagree.
 */

/** @type {readonly (readonly [string, readonly string[]])[]} route pattern (as under app/, groups left out) → exported methods */
export const ROUTE_HANDLERS = [
  ["/api/auth/[...nextauth]", ["GET", "POST"]],
  ["/api/console/balance", ["GET"]],
  ["/api/console/orders/[id]", ["GET"]],
  ["/api/console/packs", ["GET"]],
  ["/api/console/standing", ["GET"]],
  ["/api/console/unread", ["GET"]],
  ["/api/console/viewer", ["GET"]],
  ["/api/console/usage", ["GET"]],
  ["/api/console/forecast", ["GET"]],
  ["/api/console/free-quota", ["GET"]],
  ["/api/payments/alipay/notify", ["POST"]],
  ["/api/payments/sandbox/callback", ["POST"]],
  ["/api/test/bank-statement", ["POST"]],
  ["/api/test/close", ["POST"]],
  ["/api/test/fail", ["GET"]],
  ["/api/test/grant-voucher", ["POST"]],
  ["/api/test/run-due", ["POST"]],
  ["/api/test/outbox", ["GET"]],
  ["/api/test/spend-alerts", ["POST"]],
  ["/api/test/staff", ["POST"]],
  ["/api/test/support-view-age", ["POST"]],
  ["/api/v1/authorize", ["POST"]],
  ["/api/v1/bills", ["GET"]],
  ["/api/v1/packs", ["GET"]],
  ["/api/v1/transactions", ["GET"]],
  ["/api/v1/usage", ["POST"]],
  ["/api/v1/usage/daily", ["GET"]],
  ["/api/v1/usage/summary", ["GET"]],
  ["/balance/transactions-csv", ["GET"]],
  ["/bills/[month]/csv", ["GET"]],
  ["/orders/csv", ["GET"]],
  ["/invoices/[invoiceId]/pdf", ["GET"]],
  ["/usage/daily-csv", ["GET"]],
];

export const PAGE_METHODS = ["GET", "HEAD", "OPTIONS", "POST"];

/** @param {string} pattern */
function matcher(pattern) {
  const source = pattern
    .split("/")
    .map((segment) => (/^\[\.\.\.[^\]]+\]$/.test(segment) ? ".+" : /^\[[^\]]+\]$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}/?$`);
}

const HANDLERS = ROUTE_HANDLERS.map(([pattern, methods]) => {
  const allowed = new Set([...methods, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  return { test: matcher(pattern), methods: [...allowed].sort() };
});

/**
 * The methods an address serves: a route handler's, a page's, or none for an address under /api/
 * that no handler serves (it is a 404 whatever the method).
 * @param {string} pathname
 * @returns {{ kind: "route" | "page" | "none", methods: readonly string[] }}
 */
export function allowedMethods(pathname) {
  const handler = HANDLERS.find((entry) => entry.test.test(pathname));
  if (handler) return { kind: "route", methods: handler.methods };
  if (pathname === "/api" || pathname.startsWith("/api/")) return { kind: "none", methods: [] };
  return { kind: "page", methods: PAGE_METHODS };
}
