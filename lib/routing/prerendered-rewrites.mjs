/**
 * How proxy.ts's choice of a prerendered copy reaches the router (plain JavaScript, for
 * next.config.js). The proxy does not rewrite itself: Next 16 treats a proxy rewrite as an
 * external one (proxied over HTTP back to itself, and server actions refused for the host
 * mismatch) when the server is started on a loopback address such as 127.0.0.1, as the tests and
 * benches do (vercel/next.js#94745). So the proxy sets this request header to the visitor's
 * locale, and these rewrites (relative, so always internal) turn `/calculator` into
 * `/<locale>/calculator`. The proxy runs on every one of these paths and sets or deletes the
 * header, so a client cannot choose it; an unknown locale is a 404 (`dynamicParams = false`).
 */
export const PRERENDERED_LOCALE_HEADER = "x-prerendered-locale";

/** @param {readonly string[]} pages @returns {{ source: string, has: { type: "header", key: string, value: string }[], destination: string }[]} */
export function prerenderedRewrites(pages) {
  return pages.map((page) => ({
    source: page,
    has: [{ type: "header", key: PRERENDERED_LOCALE_HEADER, value: "(?<lang>[A-Za-z-]+)" }],
    destination: `/:lang${page}`,
  }));
}
