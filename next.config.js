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
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
};

export default nextConfig;
