/**
 * The security headers (issue 9 item 7), written once and used by proxy.ts (pages) and
 * next.config.js (everything else; plain JavaScript so the config can load it). Why each one:
 * docs/security.md.
 *
 * Pages get a strict Content-Security-Policy: scripts run only with this response's nonce
 * ('strict-dynamic' lets the scripts Next.js loads with it load their chunks), so an injected
 * <script> or inline handler does not run. Next.js reads the nonce from the request's CSP header
 * and puts it on its own scripts; that needs the page rendered per request, which every console
 * page is (its root layout reads the locale cookie). A page that is prerendered (static) has no
 * nonce in its HTML: it is listed in PRERENDERED_PAGES and gets the same policy with
 * 'self' 'unsafe-inline' scripts instead, which stays safe only because such a page is public,
 * takes no input and shows nothing per user. Styles allow 'unsafe-inline': React renders style
 * attributes (the usage bars), and a style cannot run code.
 */
/**
 * The public addresses proxy.ts serves from a prerendered copy (app/[lang], one per locale). The
 * price pages are listed one by one (this file is plain JavaScript for next.config.js);
 * lib/routing/prerendered.test.ts fails when a product is missing.
 * @type {readonly string[]}
 */
export const PRERENDERED_PAGES = [
  "/calculator",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/terms",
  "/prices/scan",
  "/prices/recognition",
  "/prices/processing",
  "/prices/body",
];

/**
 * @param {{ nonce: string | null, allowEval: boolean }} options `allowEval`: development only
 *   (React's debugging needs eval); never in a production build.
 */
export function contentSecurityPolicy({ nonce, allowEval }) {
  const scripts = nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  if (allowEval) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For answers that are not pages (the JSON API, files): nothing may run, nothing may frame them. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const HSTS = "max-age=31536000; includeSubDomains";

/** Headers every answer carries, pages or not. */
export const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers without CSP frame-ancestors.
  "X-Frame-Options": "DENY",
};

/**
 * Every answer that is not a page (the JSON API, the metering service, CSV files, error answers):
 * the common headers and the policy under which nothing runs and nothing frames it.
 */
export const NON_PAGE_HEADERS = { ...COMMON_HEADERS, "Content-Security-Policy": NON_PAGE_POLICY };

/**
 * A page's headers: its policy (with this response's nonce, or the prerendered one without) and the
 * common headers. proxy.ts writes them on every page answer, redirects and refusals included.
 * @param {{ nonce: string | null, allowEval: boolean }} options
 * @returns {Record<string, string>}
 */
export function pageHeaders(options) {
  return { ...COMMON_HEADERS, "Content-Security-Policy": contentSecurityPolicy(options) };
}

/** A fresh nonce per page response: 128 random bits, base64. */
export function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether the browser reached us over HTTPS, so Strict-Transport-Security applies. The forwarded
 * protocol is trustworthy here: without TRUST_PROXY the server preload drops a client-sent one and
 * Next.js fills it from the socket. An https APP_URL says the same.
 */
/** @param {string | null} forwardedProto @param {string | undefined} appUrl */
export function servedOverHttps(forwardedProto, appUrl) {
  return forwardedProto?.split(",")[0]?.trim() === "https" || Boolean(appUrl?.trim().startsWith("https://"));
}
