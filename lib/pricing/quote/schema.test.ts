import { describe, expect, it } from "vitest";
import { quoteJsonText } from "./quote-json";
import { parseQuoteInput } from "./schema";

const errorOf = (raw: unknown) => {
  try {
    parseQuoteInput(raw);
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
};

describe("quote input validation (QUOTE.md errors)", () => {
  it.each([
    [{}, "invalid-month", "month is required"],
    [[], "invalid-input", "input: Invalid input: expected object, received array, got []"],
    [{ month: "2024/05" }, "invalid-month", 'month: must be YYYY-MM, got "2024/05"'],
    [{ month: "2024-05", usage: { "processing.crop": -1 } }, "invalid-count", 'usage["processing.crop"] must be an integer from 0 to 10^12, got -1'],
    [{ month: "2024-05", usage: { "processing.crop": 1.5 } }, "invalid-count", 'usage["processing.crop"] must be an integer from 0 to 10^12, got 1.5'],
    [{ month: "2024-05", usage: { "processing.crop": 1e13 } }, "invalid-count", 'usage["processing.crop"] must be an integer from 0 to 10^12, got 10000000000000'],
    [{ month: "2024-05", freeRemaining: { "scan.barcode-lookup": "50" } }, "invalid-count", 'freeRemaining["scan.barcode-lookup"] must be an integer from 0 to 10^12, got "50"'],
    [{ month: "2024-05", usage: {}, extra: 1 }, "invalid-input", 'input: unknown field "extra"'],
  ])("%j → %s", (raw, code, message) => {
    expect(errorOf(raw)).toMatchObject({ code, message });
  });

  it("names the pack field for bad instants and counts", () => {
    const pack = { id: "A", api: "body.search", remaining: 1, expiresAt: "2024-09-30" };
    expect(errorOf({ month: "2024-05", packs: [pack] })).toMatchObject({ code: "invalid-instant", message: expect.stringContaining('packs[0].expiresAt') });
    expect(errorOf({ month: "2024-05", packs: [{ ...pack, expiresAt: "2024-09-30T00:00:00Z", remaining: -2 }] })).toMatchObject({
      code: "invalid-count",
      message: "packs[0].remaining must be an integer from 0 to 10^12, got -2",
    });
  });

  it("turns text into the command's result with exit codes", () => {
    expect(quoteJsonText("{nope")).toMatchObject({ exitCode: 2, body: { error: { code: "invalid-json" } } });
    expect(quoteJsonText('{"month":"2024-05","purchases":[{"item":"qps:body","quantity":201,"period":"month"}]}')).toMatchObject({
      exitCode: 2,
      body: { error: { code: "qps-out-of-range", message: "purchases[0].quantity: QPS must be an integer from 1 to 200, got 201" } },
    });
    expect(quoteJsonText('{"month":"2024-05"}')).toMatchObject({ exitCode: 0, body: { total: "0.00", lines: [] } });
  });
});
