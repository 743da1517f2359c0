/**
 * The console's public origin, for links that leave the request (the password-reset email): APP_URL,
 * else http://localhost:PORT for the local default. Never built from the request's Host or
 * X-Forwarded-* headers, which the client controls.
 */
export function appUrl(env: Record<string, string | undefined> = process.env): string {
  const configured = env.APP_URL?.trim();
  if (configured) return new URL(configured).origin;
  return `http://localhost:${env.PORT ?? "3000"}`;
}
