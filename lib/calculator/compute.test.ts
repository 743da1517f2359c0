import { describe, expect, it } from "vitest";
import { calculate } from "./compute";
import { emptyForm, type CalculatorForm } from "./form";

function form(patch: Partial<CalculatorForm>): CalculatorForm {
  return { ...emptyForm("2024-05"), ...patch };
}

function quoteOf(value: CalculatorForm) {
  const result = calculate(value);
  if (!result.ok) throw new Error(result.error.message);
  return result.quote;
}

describe("calculate: SPEC §9 examples through the form", () => {
  it("example 4: recognition.vehicle-enhanced 10,000 → 675.00", () => {
    const quote = quoteOf(form({ usage: { "recognition.vehicle-enhanced": "10,000" } }));
    expect(quote.lines.map((line) => line.formula)).toEqual(["(10,000 − 1,000) × 0.075 = 675.00"]);
    expect(quote.total).toBe("675.00");
  });

  it("example 5: + recognition.vehicle 10,000 → 702.00", () => {
    const quote = quoteOf(form({ usage: { "recognition.vehicle-enhanced": "10000", "recognition.vehicle": "10 000" } }));
    expect(quote.lines.map((line) => line.formula)).toEqual(["(10,000 − 1,000) × 0.003 = 27.00", "(10,000 − 1,000) × 0.075 = 675.00"]);
    expect(quote.total).toBe("702.00");
  });

  it("example 7: processing.quality 2,000,000 → 4,997.50", () => {
    const quote = quoteOf(form({ usage: { "processing.quality": "2,000,000" } }));
    expect(quote.lines[0]?.formula).toBe("(2,000,000 − 1,000) × 0.0025 = 4,997.50");
    expect(quote.total).toBe("4997.50");
  });

  it("example 2: barcode lookup with its one-time free calls and a pack bought", () => {
    const quote = quoteOf(
      form({
        usage: { "scan.barcode-lookup": "2500" },
        freeLeft: { "scan.barcode-lookup": "50" },
        purchases: [{ key: 1, kind: "pack", packId: "scan.barcode-lookup:1k", quantity: "1" }],
      }),
    );
    expect(quote.total).toBe("224.00");
  });

  it("prices owned packs, QPS and the SDK", () => {
    const quote = quoteOf(
      form({
        usage: { "body.detection": "50000" },
        packs: [{ key: 1, packId: "body.detection:10k", remaining: "4,000", expiresOn: "2024-08-31" }],
        purchases: [
          { key: 2, kind: "qps", quantity: "10", period: "day", periods: "3" },
          { key: 3, kind: "sdk", quantity: "1" },
        ],
      }),
    );
    expect(quote.lines[0]?.formula).toBe("(50,000 − 4,000 − 1,000) × 0.002 = 90.00");
    expect(quote.packDraws).toEqual([{ id: "pack-1", used: 4_000, remaining: 0 }]);
    expect(quote.purchases.map((p) => p.amount)).toEqual(["1200.00", "50000.00"]);
    expect(quote.total).toBe("51290.00");
  });

  it("under QPS billing body calls have no line", () => {
    expect(quoteOf(form({ usage: { "body.search": "5000" }, bodyBilling: "qps" })).lines).toEqual([]);
  });
});

describe("calculate: refusals name the field and never throw", () => {
  it.each([
    [form({ month: "2022-08" }), "no-price-book", { kind: "month" }],
    [form({ month: "2023-11", usage: { "recognition.pet": "10" } }), "api-not-in-book", { kind: "usage", api: "recognition.pet" }],
    [form({ usage: { "processing.crop": "-5" } }), "invalid-count", { kind: "usage", api: "processing.crop" }],
    [form({ usage: { "processing.crop": "1.5" } }), "invalid-count", { kind: "usage", api: "processing.crop" }],
    [form({ usage: { "processing.crop": "lots" } }), "invalid-count", { kind: "usage", api: "processing.crop" }],
    [form({ freeLeft: { "processing.crop": "-1" } }), "invalid-count", { kind: "freeRemaining", api: "processing.crop" }],
    [form({ packs: [{ key: 1, packId: "body.search:10k", remaining: "20000", expiresOn: "2024-09-01" }] }), "invalid-count", { kind: "pack", index: 0, prop: "remaining" }],
    [form({ purchases: [{ key: 1, kind: "qps", quantity: "201", period: "month", periods: "1" }] }), "qps-out-of-range", { kind: "purchase", index: 0, prop: "quantity" }],
    [form({ purchases: [{ key: 1, kind: "pack", packId: "body.search:10k", quantity: "10001" }] }), "invalid-count", { kind: "purchase", index: 0, prop: "quantity" }],
  ])("%#", (value, code, field) => {
    const result = calculate(value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.field).toEqual(field);
  });

  it("a month before 2022-09 says which month is first", () => {
    const result = calculate(form({ month: "2022-08" }));
    expect(result.ok ? "" : result.error.message).toBe('month "2022-08" has no price book: the first priced month is 2022-09');
  });
});
