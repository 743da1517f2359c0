import { describe, expect, it } from "vitest";
import { parseQuoteInput, quoteMonth, type QuoteInput } from "@/lib/pricing";
import { adviseQuote, packAdvice, tierAdvice } from "./advice";

function quoted(raw: unknown) {
  const input: QuoteInput = parseQuoteInput(raw);
  const quote = quoteMonth(input);
  return { input, quote };
}

function firstLine(raw: unknown) {
  const { input, quote } = quoted(raw);
  const line = quote.lines[0];
  if (!line) throw new Error("no line");
  return { input, quote, line };
}

describe("tier boundary advice", () => {
  it("2,999,000 calls of processing.quality cost more than 3,000,000 would", () => {
    const { input, quote, line } = firstLine({ month: "2024-05", usage: { "processing.quality": 2_999_000 } });
    expect(tierAdvice(input, quote, line)).toEqual({
      kind: "tier",
      api: "processing.quality",
      calls: 2_999_000,
      amount: "7495.00",
      betterCalls: 3_000_000,
      betterAmount: "5998.00",
      saving: "1497.00",
      tier: 3,
      unitPrice: "0.002",
    });
  });

  it("says nothing far below a boundary (example 7: 2,000,000 calls)", () => {
    const { input, quote, line } = firstLine({ month: "2024-05", usage: { "processing.quality": 2_000_000 } });
    expect(tierAdvice(input, quote, line)).toBeNull();
  });

  it("knows inclusive bounds: scan tier 2 starts at 10,001 calls", () => {
    const { input, quote, line } = firstLine({ month: "2024-05", usage: { "scan.code-recognition": 10_000 } });
    // 9,000 × 0.12 = 1,080.00 against (10,001 − 1,000) × 0.09 = 810.09.
    expect(tierAdvice(input, quote, line)).toMatchObject({ amount: "1080.00", betterCalls: 10_001, betterAmount: "810.09", saving: "269.91", tier: 2, unitPrice: "0.09" });
  });

  it("picks the cheapest of several cheaper tiers", () => {
    const { input, quote, line } = firstLine({ month: "2024-05", usage: { "scan.code-recognition": 99_000 } });
    // now (99,000 − 1,000) × 0.09 = 8,820.00; at 100,001 × 0.06 tier 3: 99,001 × 0.06 = 5,940.06.
    expect(tierAdvice(input, quote, line)).toMatchObject({ amount: "8820.00", betterCalls: 100_001, betterAmount: "5940.06", saving: "2879.94", tier: 3 });
  });

  it("counts free and pack calls as the pricing does", () => {
    const { input, quote, line } = firstLine({
      month: "2024-05",
      usage: { "processing.quality": 999_500 },
      freeRemaining: { "processing.quality": 0 },
    });
    // 999,500 × 0.003 = 2,998.50 against 1,000,000 × 0.0025 = 2,500.00.
    expect(tierAdvice(input, quote, line)).toMatchObject({ amount: "2998.50", betterAmount: "2500.00", saving: "498.50" });
  });

  it("says nothing when the month costs nothing", () => {
    const { input, quote, line } = firstLine({ month: "2024-05", usage: { "processing.quality": 800 } });
    expect(tierAdvice(input, quote, line)).toBeNull();
  });
});

describe("pack advice", () => {
  it("two 10k packs beat 19,000 postpaid scan calls", () => {
    const { input, line } = firstLine({ month: "2024-05", usage: { "scan.code-recognition": 20_000 } });
    // postpaid (20,000 − 1,000) × 0.09 = 1,710.00; 2 × 800 = 1,600.00 and 1,000 calls left over.
    expect(packAdvice(input, line)).toEqual({
      kind: "pack",
      api: "scan.code-recognition",
      billable: 19_000,
      postpaid: "1710.00",
      packId: "scan.code-recognition:10k",
      packCalls: 10_000,
      quantity: 2,
      packCost: "1600.00",
      stillPostpaid: "0.00",
      alternative: "1600.00",
      saving: "110.00",
      leftover: 1_000,
    });
  });

  it("may keep part of the usage postpaid when that is cheapest", () => {
    const { input, line } = firstLine({ month: "2024-05", usage: { "recognition.vehicle-enhanced": 20_000 } });
    // postpaid 19,000 × 0.075 = 1,425.00; one 10k pack 730 + 9,000 × 0.075 = 1,405.00.
    expect(packAdvice(input, line)).toMatchObject({ quantity: 1, packCost: "730.00", stillPostpaid: "675.00", alternative: "1405.00", saving: "20.00", leftover: 0 });
  });

  it("says nothing when postpaid is cheaper (example 4: 9,000 billable calls for 675.00)", () => {
    const { input, line } = firstLine({ month: "2024-05", usage: { "recognition.vehicle-enhanced": 10_000 } });
    expect(packAdvice(input, line)).toBeNull();
  });

  it("says nothing for APIs without packs", () => {
    const { input, line } = firstLine({ month: "2024-05", usage: { "processing.enhance": 3_500_000 } });
    expect(packAdvice(input, line)).toBeNull();
  });

  it("draws owned packs first and advises on what is still postpaid", () => {
    const { input, line } = firstLine({
      month: "2024-05",
      usage: { "body.detection": 200_000 },
      packs: [{ id: "A", api: "body.detection", size: 100_000, remaining: 100_000, expiresAt: "2024-12-31T23:59:59+08:00" }],
    });
    // (200,000 − 100,000 − 1,000) × 0.002 = 198.00. A 100k pack (190.00) would do, but nine
    // 10k packs (162.00) + 9,000 × 0.002 (18.00) = 180.00 is cheaper still.
    expect(packAdvice(input, line)).toMatchObject({
      billable: 99_000,
      postpaid: "198.00",
      packId: "body.detection:10k",
      quantity: 9,
      packCost: "162.00",
      stillPostpaid: "18.00",
      alternative: "180.00",
      saving: "18.00",
      leftover: 0,
    });
  });
});

describe("adviseQuote", () => {
  it("lists advice in bill-line order and nothing for SPEC §9 examples 5 and 7", () => {
    const five = quoted({ month: "2024-05", usage: { "recognition.vehicle-enhanced": 10_000, "recognition.vehicle": 10_000 } });
    expect(adviseQuote(five.input, five.quote)).toEqual([]);
    const seven = quoted({ month: "2024-05", usage: { "processing.quality": 2_000_000 } });
    expect(adviseQuote(seven.input, seven.quote)).toEqual([]);
    const { input, quote } = quoted({ month: "2024-05", usage: { "processing.quality": 2_999_000, "scan.code-recognition": 20_000 } });
    expect(adviseQuote(input, quote).map((advice) => [advice.kind, advice.api])).toEqual([
      ["pack", "scan.code-recognition"],
      ["tier", "processing.quality"],
    ]);
  });
});
