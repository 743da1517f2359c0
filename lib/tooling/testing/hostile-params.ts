import fc from "fast-check";

/**
 * Values an attacker puts in a month, date or page parameter (issue 17 item 2), for the route fuzz
 * test (lib/params/routes-fuzz.test.ts) and the pages' browser test (e2e/crafted-params.spec.ts).
 */
export const HOSTILE_CALENDAR_VALUES: readonly string[] = [
  "9999-12",
  "9999-12-31",
  "10000-01",
  "10000-01-01",
  "0000-01",
  "0000-01-01",
  "0001-01",
  "0001-01-01",
  "2026-00",
  "2026-13",
  "2026-01-00",
  "2026-01-32",
  "2026-02-30",
  "2026-02-29",
  "2024-02-29",
  "2100-02-29",
  "-2026-01",
  "-0001-01-01",
  "+2026-01-01",
  "99999999999999999999-01",
  "2026-1",
  "2026-01-1",
  "２０２６-０１",
  "٢٠٢٦-٠١-٠١",
  " 2026-01",
  "2026-01 ",
  "\t2026-01-01\n",
  "2026 - 01",
  "",
  " ",
  "2026-01' OR '1'='1",
  "2026-01-01'; DROP TABLE ledger_transactions;--",
  "2026-01-01T00:00:00Z",
  "2026-01-01\u0000",
  "%00",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e20",
  "9007199254740993",
  "0x10",
  "1.5",
  "2026-01".repeat(3000),
  "9".repeat(20_000),
];

const pad = (n: number, width: number) => (n < 0 ? `-${String(-n).padStart(width, "0")}` : String(n).padStart(width, "0"));

/** A month or day near or beyond either end of the range (around `firstYear` and `lastYear`), or anywhere. */
export function calendarLike(firstYear: number, lastYear: number): fc.Arbitrary<string> {
  const nearEdge = fc.oneof(fc.integer({ min: firstYear - 1, max: firstYear + 1 }), fc.integer({ min: lastYear - 1, max: lastYear + 1 }));
  const year = fc.oneof(nearEdge, fc.constantFrom(0, 1, 1969, 1970, 9999, 10_000, -1), fc.integer({ min: -20_000, max: 300_000 }));
  const month = fc.oneof(fc.integer({ min: 0, max: 13 }), fc.integer({ min: -1, max: 100 }));
  const day = fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(28, 29, 30, 31));
  return fc.oneof(
    // Well formed, on the calendar, around the ends of the range: the values only the range refuses.
    { weight: 4, arbitrary: fc.tuple(nearEdge, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${pad(y, 4)}-${pad(m, 2)}`) },
    { weight: 4, arbitrary: fc.tuple(nearEdge, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`) },
    { weight: 2, arbitrary: fc.tuple(year, month).map(([y, m]) => `${pad(y, 4)}-${pad(m, 2)}`) },
    { weight: 2, arbitrary: fc.tuple(year, month, day).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_CALENDAR_VALUES) },
  );
}

/** Anything at all: calendar-like, numbers, text of any script. */
export function hostileParam(firstYear: number, lastYear: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: calendarLike(firstYear, lastYear) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  );
}

/** A parameter left out, given once, or repeated; `usual` is what the parameter normally holds (a page number, a uuid), mixed with hostile values. */
export function paramValuesArbitrary(firstYear: number, lastYear: number, usual?: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  const one = usual ? fc.oneof({ weight: 3, arbitrary: usual }, { weight: 1, arbitrary: hostileParam(firstYear, lastYear) }) : hostileParam(firstYear, lastYear);
  return fc.oneof({ weight: 2, arbitrary: fc.constant<string[]>([]) }, { weight: 6, arbitrary: one.map((v) => [v]) }, { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) });
}
