import { describe, expect, it } from "vitest";
import { tierForMonthTotal } from "@/lib/pricing";
import { tierRows } from "./tier-rows";

describe("tierRows", () => {
  it("exclusive bounds: processing.quality", () => {
    expect(tierRows("processing.quality").map((row) => [row.firstCall, row.lastCall, row.unitPrice])).toEqual([
      [0, 999_999, "0.003"],
      [1_000_000, 2_999_999, "0.0025"],
      [3_000_000, 14_999_999, "0.002"],
      [15_000_000, null, "0.0015"],
    ]);
  });

  it("inclusive bounds: scan and body", () => {
    expect(tierRows("scan.code-recognition").map((row) => [row.firstCall, row.lastCall])).toEqual([
      [0, 10_000],
      [10_001, 100_000],
      [100_001, 1_000_000],
      [1_000_001, null],
    ]);
    expect(tierRows("body.search").map((row) => [row.firstCall, row.lastCall, row.publishedPrice, row.per])).toEqual([
      [0, 3_000_000, "0.002", 1],
      [3_000_001, 15_000_000, "0.0018", 1],
      [15_000_001, null, "0.0015", 1],
    ]);
  });

  it("keeps the published per-1,000 price", () => {
    expect(tierRows("recognition.vehicle-enhanced")[0]).toMatchObject({ unitPrice: "0.075", publishedPrice: "75", per: 1_000 });
  });

  it("every row's first and last call fall in that tier", () => {
    for (const api of ["scan.barcode-lookup", "recognition.seal", "recognition.pet", "recognition.chef-attire", "body.library"] as const) {
      for (const row of tierRows(api)) {
        expect(tierForMonthTotal(api, row.firstCall).number).toBe(row.number);
        if (row.lastCall !== null) {
          expect(tierForMonthTotal(api, row.lastCall).number).toBe(row.number);
          expect(tierForMonthTotal(api, row.lastCall + 1).number).toBe(row.number + 1);
        }
      }
    }
  });
});
