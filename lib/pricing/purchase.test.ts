import { describe, expect, it } from "vitest";
import { PACKS } from "./catalog/packs";
import { formatMoney } from "./format";
import { pricePurchase, priceQps, qpsTierFor, qpsWithinLimit } from "./purchase";

const amount = (request: Parameters<typeof pricePurchase>[0]): string => formatMoney(pricePurchase(request).amount);

describe("purchase prices", () => {
  it("prices packs (SPEC §2.4, §9 examples 1 and 6)", () => {
    expect(amount({ item: "scan.barcode-lookup:100k", quantity: 3 })).toBe("7500.00");
    expect(amount({ item: "recognition.vehicle-enhanced:100k", quantity: 3 })).toBe("21000.00");
    expect(amount({ item: "recognition.vehicle-enhanced:2.5m", quantity: 1 })).toBe("105000.00");
    expect(amount({ item: "scan.code-recognition:10k", quantity: 1 })).toBe("800.00");
    expect(amount({ item: "body.search:10m", quantity: 2 })).toBe("34000.00");
  });

  it("sells packs only for scan, vehicle-enhanced and body APIs", () => {
    expect(new Set(PACKS.map((pack) => pack.api))).toEqual(
      new Set(["scan.code-recognition", "scan.barcode-lookup", "recognition.vehicle-enhanced", "body.detection", "body.library", "body.search"]),
    );
    expect(PACKS).toHaveLength(5 + 2 + 7 + 3 * 4);
    expect(() => pricePurchase({ item: "processing.quality:10k", quantity: 1 })).toThrow(expect.objectContaining({ code: "unknown-item" }));
  });

  it.each([
    [1, "480", "48"],
    [9, "480", "48"],
    [10, "415", "40"],
    [49, "415", "40"],
    [50, "350", "35"],
    [99, "350", "35"],
    [100, "300", "30"],
    [200, "300", "30"],
  ])("prices %i QPS at %s per month, %s per day (SPEC §2.6)", (quantity, perMonth, perDay) => {
    expect(qpsTierFor(quantity).perMonth).toBe(perMonth);
    expect(qpsTierFor(quantity).perDay).toBe(perDay);
  });

  it("charges every QPS unit at the tier reached, times the periods", () => {
    expect(amount({ item: "qps:body", quantity: 10, period: "month", periods: 1 })).toBe("4150.00");
    expect(amount({ item: "qps:body", quantity: 9, period: "day", periods: 3 })).toBe("1296.00");
    expect(formatMoney(priceQps({ quantity: 100, period: "month", periods: 12 }).amount)).toBe("360000.00");
    expect(priceQps({ quantity: 5, period: "day" }).periods).toBe(1);
  });

  it("refuses QPS outside 1–200 (SPEC §2.6 limit)", () => {
    for (const quantity of [0, 201, 1.5, -3]) {
      expect(() => pricePurchase({ item: "qps:body", quantity, period: "month" })).toThrow(expect.objectContaining({ code: "qps-out-of-range" }));
    }
    expect(qpsWithinLimit(150, 50)).toBe(true);
    expect(qpsWithinLimit(150, 51)).toBe(false);
    expect(() => pricePurchase({ item: "qps:body", quantity: 10 })).toThrow(expect.objectContaining({ code: "invalid-input" }));
  });

  it("prices the scanning SDK per app and the offline SDK licences (SPEC §2.7)", () => {
    expect(amount({ item: "scan.sdk", quantity: 2 })).toBe("100000.00");
    expect(amount({ item: "body.offline-sdk:trial", quantity: 4 })).toBe("0.00");
    expect(() => pricePurchase({ item: "body.offline-sdk:trial", quantity: 5 })).toThrow(expect.objectContaining({ code: "invalid-count" }));
    expect(() => pricePurchase({ item: "body.offline-sdk:formal", quantity: 1 })).toThrow(expect.objectContaining({ code: "price-on-request" }));
    expect(amount({ item: "body.offline-sdk:formal", quantity: 2, quotedPrice: "1200.50" })).toBe("2401.00");
    expect(() => pricePurchase({ item: "body.offline-sdk:formal", quantity: 1, quotedPrice: "1.005" })).toThrow(expect.objectContaining({ code: "invalid-money" }));
  });

  it("refuses bad quantities and QPS fields on other items", () => {
    expect(() => pricePurchase({ item: "scan.sdk", quantity: 0 })).toThrow(expect.objectContaining({ code: "invalid-count" }));
    expect(() => pricePurchase({ item: "scan.sdk", quantity: 1, period: "day" })).toThrow(expect.objectContaining({ code: "invalid-input" }));
    expect(() => pricePurchase({ item: "scan.sdk:trial", quantity: 1 })).toThrow(expect.objectContaining({ code: "unknown-item" }));
  });
});
