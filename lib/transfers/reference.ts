/**
 * Remittance references (issue 20 item 2): "BL" + 8 Crockford base-32 characters + 1 check
 * character, e.g. BL7KQ2M9XHD. Short enough to type into a bank's memo field, without the letters
 * people confuse (no I, L, O, U in the body: Crockford's alphabet), and a Luhn mod 32 check
 * character that catches every single mistyped character and most swapped neighbours.
 *
 * The 40-bit body is the account's reference number multiplied by an odd constant modulo 2^40 (a
 * bijection), so neighbouring accounts do not get neighbouring references and a reference does not
 * reveal how many accounts exist. Pure: no I/O.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BITS = 40n;
const MOD = 1n << BITS;
const MULTIPLIER = 0x9e3779b97fn; // odd, so invertible modulo 2^40
const PREFIX = "BL";
const BODY = 8;

function inverse(a: bigint, m: bigint): bigint {
  // Extended Euclid; a is odd and m a power of two, so the inverse exists.
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}
const INVERSE = inverse(MULTIPLIER, MOD);

/** Luhn mod N over the alphabet: the character that makes the whole code check out. */
function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i] ?? "");
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return ALPHABET[(32 - (sum % 32)) % 32] ?? "0";
}

function valid(code: string): boolean {
  let factor = 1;
  let sum = 0;
  for (let i = code.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(code[i] ?? "");
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return sum % 32 === 0;
}

export const MAX_REFERENCE_NUMBER = Number(MOD - 1n);

/** The reference of reference number `n` (1 ≤ n < 2^40). */
export function encodeReference(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_REFERENCE_NUMBER) throw new RangeError(`reference number out of range: ${n}`);
  let x = (BigInt(n) * MULTIPLIER) % MOD;
  let body = "";
  for (let i = 0; i < BODY; i++) {
    body = (ALPHABET[Number(x & 31n)] ?? "0") + body;
    x >>= 5n;
  }
  return `${PREFIX}${body}${checkCharacter(body)}`;
}

/** Crockford's reading rules: case-insensitive, O→0, I and L→1. */
function normalizeCharacter(c: string): string {
  const up = c.toUpperCase();
  if (up === "O") return "0";
  if (up === "I" || up === "L") return "1";
  return up;
}

/** The reference number a well-formed reference spells, or null (wrong shape, bad check character). */
export function decodeReference(text: string): number | null {
  const compact = text.replace(/[\s-]/g, "").toUpperCase();
  if (compact.length !== PREFIX.length + BODY + 1 || !compact.startsWith(PREFIX)) return null;
  const code = [...compact.slice(PREFIX.length)].map(normalizeCharacter).join("");
  if (![...code].every((c) => ALPHABET.includes(c)) || !valid(code)) return null;
  let x = 0n;
  for (const c of code.slice(0, BODY)) x = (x << 5n) | BigInt(ALPHABET.indexOf(c));
  const n = Number((x * INVERSE) % MOD);
  return n >= 1 ? n : null;
}

/**
 * Every distinct reference number written in a free-text memo ("货款 BL7KQ-2M9X-HD 三月"): spaces
 * and hyphens inside a reference are tolerated, as banks and people insert them.
 */
export function referencesIn(memo: string): number[] {
  const compact = memo.toUpperCase().replace(/[\s-]/g, "");
  const found = new Set<number>();
  for (let i = compact.indexOf(PREFIX); i >= 0; i = compact.indexOf(PREFIX, i + 1)) {
    const n = decodeReference(compact.slice(i, i + PREFIX.length + BODY + 1));
    if (n !== null) found.add(n);
  }
  return [...found];
}

/** For display: BL7KQ2M9XHD → BL7K Q2M9 XHD (typed either way). */
export function groupReference(reference: string): string {
  return `${reference.slice(0, 4)} ${reference.slice(4, 8)} ${reference.slice(8)}`;
}
