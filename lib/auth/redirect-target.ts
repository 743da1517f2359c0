/** Only same-site paths are followed after sign-in: an absolute or protocol-relative URL would be an open redirect. */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
