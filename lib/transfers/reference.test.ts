import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeReference, encodeReference, MAX_REFERENCE_NUMBER, referencesIn } from "./reference";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("remittance references", () => {
  it("round-trip every number, 11 characters, BL then Crockford base 32", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_REFERENCE_NUMBER }), (n) => {
        const ref = encodeReference(n);
        expect(ref).toMatch(/^BL[0-9A-HJKMNP-TV-Z]{9}$/);
        expect(decodeReference(ref)).toBe(n);
        expect(decodeReference(ref.toLowerCase())).toBe(n);
        expect(decodeReference(`${ref.slice(0, 4)} ${ref.slice(4, 8)}-${ref.slice(8)}`)).toBe(n);
      }),
    );
  });

  it("neighbouring accounts do not get neighbouring references", () => {
    expect(encodeReference(1).slice(2, 8)).not.toBe(encodeReference(2).slice(2, 8));
  });

  it("any single mistyped character is refused by the check character", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_REFERENCE_NUMBER }), fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 31 }), (n, at, shift) => {
        const ref = encodeReference(n);
        const wrong = ALPHABET[(ALPHABET.indexOf(ref[at]!) + shift) % 32]!;
        expect(decodeReference(ref.slice(0, at) + wrong + ref.slice(at + 1))).toBeNull();
      }),
    );
  });

  it("finds references inside a memo, tolerating spaces and hyphens, and ignores look-alikes", () => {
    const a = encodeReference(42);
    const b = encodeReference(4242);
    expect(referencesIn(`货款 ${a.slice(0, 5)}-${a.slice(5)} 三月`)).toEqual([42]);
    expect(referencesIn(`${a} ${b}`).sort()).toEqual([42, 4242]);
    expect(referencesIn(`${a} and again ${a}`)).toEqual([42]);
    expect(referencesIn("BLABLABLA invoice 2026-11")).toEqual([]);
    expect(referencesIn("")).toEqual([]);
  });
});
