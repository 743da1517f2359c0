/**
 * Return targets (sign-in `callbackUrl`, the sandbox's `return`) come from the URL, so they are
 * hostile until proven otherwise. A target is kept only when it is a path that, resolved with
 * `new URL(target, origin)` the way a browser resolves a Location header, stays on our origin, and
 * stays there once percent-decoded too (a later redirect or link may decode it: "/%09/evil.example"
 * decodes to "/\t/evil.example", which a browser reads as "//evil.example"). Control characters and
 * backslashes are refused outright: browsers strip the former and read the latter as "/".
 */
const PROBE_ORIGIN = "https://console.invalid";
// C0 controls, DEL, C1 controls, the Unicode line and paragraph separators, and the backslash.
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/;
const MAX_DECODES = 3;

function staysOnOrigin(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || UNSAFE.test(path)) return false;
  try {
    return new URL(path, PROBE_ORIGIN).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}

export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > 2000 || !staysOnOrigin(value)) return fallback;
  // Every decoding of it must stay on our origin as well.
  let decoded = value;
  for (let i = 0; i < MAX_DECODES; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    if (!staysOnOrigin(next)) return fallback;
    decoded = next;
  }
  const url = new URL(value, PROBE_ORIGIN);
  return `${url.pathname}${url.search}${url.hash}`;
}
