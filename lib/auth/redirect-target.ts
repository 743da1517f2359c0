/**
 * Return targets (sign-in `callbackUrl`, the sandbox's `return`) come from the URL, so they are
 * hostile until proven otherwise. The value is resolved with `new URL(value, origin)` the way a
 * browser resolves a Location header or a link, and what that gives (path, query, hash) is what we
 * return — so every check runs on that returned value, not on the value we received: resolving
 * removes dot segments, and "/.//evil.example" passed a check on the raw value only to come out as
 * "//evil.example", a link to another host (issue 17 item 1).
 *
 * A returned target starts with exactly one "/" (not "//", not "/\"), resolves to our origin, and
 * does so once percent-decoded too (a later redirect or link may decode it: "/%09/evil.example"
 * decodes to "/\t/evil.example", which a browser reads as "//evil.example"). Control characters and
 * backslashes are refused outright: browsers strip the former and read the latter as "/".
 * Anything else gives the caller's fallback.
 */
const PROBE_ORIGIN = "https://console.invalid";
// C0 controls, DEL, C1 controls, the Unicode line and paragraph separators, and the backslash.
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/;
const MAX_DECODES = 3;
const MAX_LENGTH = 2000;

/** A path on our origin that stays a path once its dot segments are resolved ("/x/..//h" is "//h"). */
function staysOnOrigin(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || UNSAFE.test(path)) return false;
  try {
    const url = new URL(path, PROBE_ORIGIN);
    return url.origin === PROBE_ORIGIN && !url.pathname.startsWith("//");
  } catch {
    return false;
  }
}

/** The path itself and every percent-decoding of it stay on our origin. */
function safeEvenDecoded(path: string): boolean {
  if (!staysOnOrigin(path)) return false;
  let decoded = path;
  for (let i = 0; i < MAX_DECODES; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return false;
    }
    if (next === decoded) return true;
    if (!staysOnOrigin(next)) return false;
    decoded = next;
  }
  return true;
}

/** What a browser makes of `path` on our origin: path, query and hash, dot segments resolved. */
function resolved(path: string): string {
  const url = new URL(path, PROBE_ORIGIN);
  return `${url.pathname}${url.search}${url.hash}`;
}

export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !safeEvenDecoded(value)) return fallback;
  const target = resolved(value);
  // The check that counts is on what we return; resolving it again must change nothing, so what a
  // browser follows is exactly what was checked.
  return target.length <= MAX_LENGTH && safeEvenDecoded(target) && resolved(target) === target ? target : fallback;
}

/**
 * A checked return target with query parameters added (`?cancelled=1`, `?topup=…`), checked again:
 * the parameters go into the query, never after a `#`, and the result is still a safe path.
 */
export function returnPathWith(path: string, params: Record<string, string>, fallback: string): string {
  const safe = safeReturnPath(path, fallback);
  const url = new URL(safe, PROBE_ORIGIN);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return safeReturnPath(`${url.pathname}${url.search}${url.hash}`, fallback);
}
