import { describe, expect, it } from "vitest";
import { countValue, emptyForm, formatCountText, formToQuoteInput } from "./form";

describe("countValue", () => {
  it.each([
    ["", undefined],
    ["  ", undefined],
    ["2,000,000", 2_000_000],
    ["2 000 000", 2_000_000],
    ["0", 0],
    ["-5", -5],
    ["1.5", 1.5],
    ["abc", "abc"],
  ])("%j → %j", (text, value) => {
    expect(countValue(text)).toBe(value);
  });
});

describe("formatCountText", () => {
  it("groups plain integers and leaves anything else as typed", () => {
    expect(formatCountText("2999000")).toBe("2,999,000");
    expect(formatCountText("2,999,000")).toBe("2,999,000");
    expect(formatCountText("-5")).toBe("-5");
    expect(formatCountText("1.5")).toBe("1.5");
  });
});

describe("formToQuoteInput", () => {
  it("builds QUOTE.md input: full packs by default, expiry at the end of the day in Shanghai", () => {
    expect(
      formToQuoteInput({
        ...emptyForm("2024-05"),
        usage: { "processing.quality": "2,000,000", "processing.crop": "" },
        freeLeft: { "scan.barcode-lookup": "50" },
        packs: [{ key: 1, packId: "scan.code-recognition:10k", remaining: "", expiresOn: "2024-09-30" }],
        purchases: [
          { key: 2, kind: "pack", packId: "scan.barcode-lookup:1k", quantity: "1" },
          { key: 3, kind: "qps", quantity: "10", period: "month", periods: "" },
        ],
      }),
    ).toEqual({
      month: "2024-05",
      usage: { "processing.quality": 2_000_000 },
      freeRemaining: { "scan.barcode-lookup": 50 },
      packs: [{ id: "pack-1", api: "scan.code-recognition", size: 10_000, remaining: 10_000, expiresAt: "2024-09-30T23:59:59+08:00" }],
      purchases: [
        { item: "scan.barcode-lookup:1k", quantity: 1 },
        { item: "qps:body", quantity: 10, period: "month", periods: 1 },
      ],
      billingMode: { body: "calls" },
    });
  });
});
