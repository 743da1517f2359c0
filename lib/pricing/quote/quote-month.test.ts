import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_IDS } from "../catalog/products";
import { Dec } from "../decimal";
import { quoteMonth } from "./quote-month";
import { parseQuoteInput, type QuoteInput } from "./schema";

const quote = (input: QuoteInput) => quoteMonth(parseQuoteInput(input));
const only = (input: QuoteInput) => {
  const [line, ...rest] = quote(input).lines;
  expect(rest).toEqual([]);
  return line;
};

describe("SPEC §9 worked examples, to the cent", () => {
  it("1: buy 3 × scan.barcode-lookup:100k = 7,500.00", () => {
    const q = quote({ month: "2024-05", purchases: [{ item: "scan.barcode-lookup:100k", quantity: 3 }] });
    expect(q.purchases).toEqual([{ item: "scan.barcode-lookup:100k", quantity: 3, unitPrice: "2500.00", amount: "7500.00" }]);
    expect(q.total).toBe("7500.00");
  });

  it("2: 2,500 barcode lookups, 50 one-time free calls, one 1k pack bought = 224.00", () => {
    const q = quote({
      month: "2024-05",
      usage: { "scan.barcode-lookup": 2500 },
      freeRemaining: { "scan.barcode-lookup": 50 },
      purchases: [{ item: "scan.barcode-lookup:1k", quantity: 1 }],
    });
    expect(q.lines).toEqual([
      {
        api: "scan.barcode-lookup",
        calls: 2500,
        free: 50,
        fromPacks: 1000,
        billable: 1450,
        tier: 1,
        unitPrice: "0.12",
        amount: "174.00",
        formula: "(2,500 − 1,000 − 50) × 0.12 = 174.00",
      },
    ]);
    expect(q.packDraws).toEqual([{ id: "purchases[0]#1", used: 1000, remaining: 0 }]);
    expect([q.usageTotal, q.purchaseTotal, q.total]).toEqual(["174.00", "50.00", "224.00"]);
  });

  it("3: 11,000 barcode lookups, no free calls, no packs = 990.00", () => {
    const line = only({ month: "2024-05", usage: { "scan.barcode-lookup": 11000 }, freeRemaining: { "scan.barcode-lookup": 0 } });
    expect(line).toMatchObject({ tier: 2, unitPrice: "0.09", amount: "990.00", formula: "11,000 × 0.09 = 990.00" });
  });

  it("4: 10,000 vehicle-enhanced calls = 675.00", () => {
    const line = only({ month: "2024-05", usage: { "recognition.vehicle-enhanced": 10000 } });
    expect(line).toMatchObject({ free: 1000, billable: 9000, unitPrice: "0.075", amount: "675.00", formula: "(10,000 − 1,000) × 0.075 = 675.00" });
  });

  it("5: vehicle-enhanced 10,000 + vehicle 10,000 = 702.00", () => {
    const q = quote({ month: "2024-05", usage: { "recognition.vehicle-enhanced": 10000, "recognition.vehicle": 10000 } });
    expect(q.lines.map((line) => [line.api, line.amount, line.formula])).toEqual([
      ["recognition.vehicle", "27.00", "(10,000 − 1,000) × 0.003 = 27.00"],
      ["recognition.vehicle-enhanced", "675.00", "(10,000 − 1,000) × 0.075 = 675.00"],
    ]);
    expect(q.total).toBe("702.00");
  });

  it("6: buy 3 × recognition.vehicle-enhanced:100k = 21,000.00", () => {
    expect(quote({ month: "2024-05", purchases: [{ item: "recognition.vehicle-enhanced:100k", quantity: 3 }] }).total).toBe("21000.00");
  });

  it.each([
    ["7", "processing.quality", 2_000_000, 2, "0.0025", "4997.50", "(2,000,000 − 1,000) × 0.0025 = 4,997.50"],
    ["8", "processing.crop", 500_000, 1, "0.002", "998.00", "(500,000 − 1,000) × 0.002 = 998.00"],
    ["9", "processing.enhance", 3_500_000, 3, "0.007", "24493.00", "(3,500,000 − 1,000) × 0.007 = 24,493.00"],
  ])("%s: %s %i calls", (_n, api, calls, tier, unitPrice, amount, formula) => {
    expect(only({ month: "2024-05", usage: { [api]: calls } })).toMatchObject({ calls, free: 1000, tier, unitPrice, amount, formula });
  });
});

describe("quoteMonth across books", () => {
  it("uses the 2022-09 shared vehicle pool, dearer API first", () => {
    const q = quote({ month: "2022-10", usage: { "recognition.vehicle": 8000, "recognition.vehicle-enhanced": 6000 } });
    expect(q.priceBook).toBe("2022-09");
    expect(q.lines.map((line) => [line.api, line.free, line.billable, line.amount])).toEqual([
      ["recognition.vehicle", 4000, 4000, "12.00"],
      ["recognition.vehicle-enhanced", 6000, 0, "0.00"],
    ]);
  });

  it("takes one remaining figure for the shared pool and refuses two different ones", () => {
    const q = quote({
      month: "2022-09",
      usage: { "recognition.vehicle": 8000, "recognition.vehicle-enhanced": 6000 },
      freeRemaining: { "recognition.vehicle": 7000, "recognition.vehicle-enhanced": 7000 },
    });
    expect(q.lines.map((line) => line.free)).toEqual([1000, 6000]);
    expect(() =>
      quote({ month: "2022-09", usage: { "recognition.vehicle": 1 }, freeRemaining: { "recognition.vehicle": 1, "recognition.vehicle-enhanced": 2 } }),
    ).toThrow(expect.objectContaining({ code: "shared-pool-mismatch" }));
  });

  it("gives 10,000 free processing calls in 2022-11 and 1,000 from 2023-12", () => {
    expect(only({ month: "2023-11", usage: { "processing.quality": 20000 } })).toMatchObject({ free: 10000, amount: "30.00" });
    expect(only({ month: "2023-12", usage: { "processing.quality": 20000 } })).toMatchObject({ free: 1000, amount: "57.00" });
    expect(only({ month: "2022-11", usage: { "recognition.product": 20000 } })).toMatchObject({ free: 1000, amount: "47.50" });
    expect(only({ month: "2022-09", usage: { "recognition.product": 20000 } })).toMatchObject({ free: 10000, amount: "25.00" });
  });

  it("refuses months without a book and APIs not in the book", () => {
    expect(() => quote({ month: "2022-08" })).toThrow(expect.objectContaining({ code: "no-price-book" }));
    expect(() => quote({ month: "2023-06", usage: { "recognition.pet": 10 } })).toThrow(expect.objectContaining({ code: "api-not-in-book" }));
    expect(() => quote({ month: "2023-06", usage: { "recognition.dog": 10 } })).toThrow(expect.objectContaining({ code: "unknown-api" }));
  });
});

describe("quoteMonth packs, purchases and QPS billing", () => {
  it("draws listed packs earliest expiry first, then packs bought this month", () => {
    const q = quote({
      month: "2024-05",
      usage: { "recognition.vehicle-enhanced": 200_000 },
      packs: [
        { id: "late", api: "recognition.vehicle-enhanced", remaining: 100_000, expiresAt: "2024-12-01T00:00:00+08:00" },
        { id: "early", api: "recognition.vehicle-enhanced", remaining: 50_000, expiresAt: "2024-06-01T00:00:00+08:00" },
        { id: "gone", api: "recognition.vehicle-enhanced", remaining: 50_000, expiresAt: "2024-04-30T00:00:00+08:00" },
      ],
      purchases: [{ item: "recognition.vehicle-enhanced:10k", quantity: 2 }],
    });
    expect(q.packDraws).toEqual([
      { id: "late", used: 100_000, remaining: 0 },
      { id: "early", used: 50_000, remaining: 0 },
      { id: "gone", used: 0, remaining: 0 },
      { id: "purchases[0]#1", used: 10_000, remaining: 0 },
      { id: "purchases[0]#2", used: 10_000, remaining: 0 },
    ]);
    expect(q.lines[0]).toMatchObject({ free: 1000, fromPacks: 170_000, billable: 29_000, amount: "2175.00" });
  });

  it("breaks expiry ties by deliveredAt, then by listing order", () => {
    const expiresAt = "2024-12-01T00:00:00+08:00";
    const q = quote({
      month: "2024-05",
      usage: { "body.search": 1_500 },
      packs: [
        { id: "b", api: "body.search", remaining: 10_000, expiresAt, deliveredAt: "2023-12-02T00:00:00+08:00" },
        { id: "a", api: "body.search", remaining: 10_000, expiresAt, deliveredAt: "2023-12-01T00:00:00+08:00" },
      ],
    });
    expect(q.packDraws).toEqual([
      { id: "b", used: 0, remaining: 10_000 },
      { id: "a", used: 500, remaining: 9_500 },
    ]);
  });

  it("neither draws nor prices body calls under QPS billing, but prices the QPS", () => {
    const q = quote({
      month: "2024-05",
      usage: { "body.detection": 5_000_000, "processing.crop": 1000 },
      packs: [{ id: "P", api: "body.detection", remaining: 10_000, expiresAt: "2024-12-01T00:00:00+08:00" }],
      purchases: [{ item: "qps:body", quantity: 50, period: "day", periods: 2 }],
      billingMode: { body: "qps" },
    });
    expect(q.lines.map((line) => line.api)).toEqual(["processing.crop"]);
    expect(q.packDraws).toEqual([{ id: "P", used: 0, remaining: 10_000 }]);
    expect(q.purchases).toEqual([{ item: "qps:body", quantity: 50, period: "day", periods: 2, unitPrice: "35.00", amount: "3500.00" }]);
  });

  it("keeps the QUOTE.md key order", () => {
    const q = quote({ month: "2024-05", usage: { "processing.quality": 2 } });
    expect(Object.keys(q)).toEqual(["month", "priceBook", "lines", "packDraws", "purchases", "usageTotal", "purchaseTotal", "total"]);
    expect(Object.keys(q.lines[0] ?? {})).toEqual(["api", "calls", "free", "fromPacks", "billable", "tier", "unitPrice", "amount", "formula"]);
  });

  it("balances every line and never goes negative (property)", () => {
    const usageArb = fc.dictionary(fc.constantFrom(...API_IDS), fc.nat(50_000_000), { maxKeys: 16 });
    fc.assert(
      fc.property(usageArb, fc.nat(5_000), (usage, freeLookup) => {
        const q = quote({
          month: "2024-05",
          usage,
          freeRemaining: { "scan.barcode-lookup": freeLookup },
          packs: [{ id: "A", api: "body.search", remaining: 20_000, expiresAt: "2024-09-01T00:00:00+08:00" }],
        });
        let sum = new Dec(0);
        for (const line of q.lines) {
          expect(line.free + line.fromPacks + line.billable).toBe(line.calls);
          expect(new Dec(line.amount).isNegative()).toBe(false);
          expect(new Dec(line.amount).equals(new Dec(line.billable).times(line.unitPrice).toDecimalPlaces(2, Dec.ROUND_HALF_UP))).toBe(true);
          sum = sum.plus(line.amount);
        }
        expect(q.usageTotal).toBe(sum.toFixed(2));
        expect(q.packDraws[0]?.used ?? 0).toBeLessThanOrEqual(20_000);
      }),
      { numRuns: 200 },
    );
  });
});
