import Decimal from "decimal.js";
import { API_IDS, quoteMonth, type QuoteInput } from "@/lib/pricing";
import { measureRate, type Bench } from "./bench";

/**
 * Account-months priced per second by quoteMonth, for an account using all 16 APIs with
 * several packs and purchases: the monthly close prices every account this way.
 */
function busyAccountMonth(): QuoteInput {
  const usage: Record<string, number> = {};
  API_IDS.forEach((api, i) => {
    usage[api] = 1_234 * (i + 1) ** 4;
  });
  return {
    month: "2024-05",
    usage,
    freeRemaining: { "scan.barcode-lookup": 50 },
    packs: [
      { id: "p1", api: "recognition.vehicle-enhanced", size: 100_000, remaining: 40_000, expiresAt: "2024-09-30T12:00:00+08:00" },
      { id: "p2", api: "recognition.vehicle-enhanced", size: 1_000_000, remaining: 900_000, expiresAt: "2024-07-01T00:00:00+08:00" },
      { id: "p3", api: "scan.code-recognition", size: 10_000, remaining: 10_000, expiresAt: "2025-01-01T00:00:00+08:00" },
      { id: "p4", api: "body.detection", size: 100_000, remaining: 5_000, expiresAt: "2024-12-01T00:00:00+08:00" },
      { id: "p5", api: "body.search", size: 1_000_000, remaining: 250_000, expiresAt: "2024-06-15T00:00:00+08:00" },
    ],
    purchases: [
      { item: "scan.code-recognition:100k", quantity: 2 },
      { item: "qps:body", quantity: 10, period: "day", periods: 3 },
    ],
  };
}

/** The baseline: the same calls times a unit price with plain decimal.js, summed. */
function plainDecimalSum(usage: Readonly<Record<string, number>>, prices: readonly Decimal[]): string {
  let total = new Decimal(0);
  let i = 0;
  for (const api in usage) {
    total = total.plus(new Decimal(usage[api] ?? 0).times(prices[i++] ?? 0));
  }
  return total.toFixed(2);
}

export const pricingBench: Bench = {
  name: "pricing",
  description: "quoteMonth on an account using all 16 APIs with 5 packs and 2 purchases",
  run() {
    const input = busyAccountMonth();
    const prices = API_IDS.map((_, i) => new Decimal("0.0025").plus(i));
    const quoteRate = measureRate(() => quoteMonth(input).total);
    const baselineRate = measureRate(() => plainDecimalSum(input.usage ?? {}, prices));
    return [
      { label: "quoteMonth", value: quoteRate, unit: "account-months/s" },
      { label: "baseline: 16 plain decimal.js multiply-adds", value: baselineRate, unit: "loops/s" },
      { label: "quoteMonth cost relative to baseline", value: baselineRate / quoteRate, unit: "× slower" },
    ];
  },
};
