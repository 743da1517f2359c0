import { prerenderedRewrites } from "./lib/routing/prerendered-rewrites.mjs";
import { HSTS, NON_PAGE_HEADERS, PRERENDERED_PAGES } from "./lib/security/headers.mjs";

const nonPage = Object.entries(NON_PAGE_HEADERS).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly from its own package folder; postgres and bcryptjs are plain Node modules.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "ioredis"],
  poweredByHeader: false,
  // Compression belongs to the reverse proxy in front; gzipping every small metering answer here
  // costs the gateway's hot path CPU for nothing.
  compress: false,
  typedRoutes: false,
  // The build's own type-check and lint run in `npm test`; the build stays fast for `npm start`.
  typescript: { ignoreBuildErrors: true },
  // globalNotFound: the app has two root layouts (app/(app), app/[lang]); app/global-not-found.tsx is the 404 of an unmatched address.
  // 6 MB: staff attach an invoice PDF (≤ 5 MB) to a server action; nginx keeps every other address at 1 MB (deploy/nginx.conf).
  experimental: { serverActions: { bodySizeLimit: "6mb" }, globalNotFound: true },
  // Pages get theirs, with a per-response CSP, from proxy.ts; everything else (the API, Next's
  // assets, files) gets NON_PAGE_HEADERS here (lib/security/headers.mjs, the one source). HSTS only when the request came over HTTPS (lib/security/headers.ts).
  // The public pages prerendered per locale: proxy.ts names the copy, this serves it (lib/routing/prerendered-rewrites.mjs).
  async rewrites() {
    return { beforeFiles: prerenderedRewrites(PRERENDERED_PAGES), afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      { source: "/api/:path*", headers: nonPage },
      { source: "/_next/:path*", headers: nonPage },
      { source: "/:file((?!api/|_next/).*\\.[a-z0-9]+)", headers: nonPage },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] },
    ];
  },
};

export default nextConfig;
