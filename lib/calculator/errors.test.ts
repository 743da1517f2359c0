import { describe, expect, it } from "vitest";
import { PricingError } from "@/lib/pricing";
import { errorIsAbout, fieldOfMessage, toCalculatorError } from "./errors";

describe("fieldOfMessage", () => {
  it.each([
    ['month "2022-08" has no price book: the first priced month is 2022-09', { kind: "month" }],
    ["month: must be YYYY-MM, got \"\"", { kind: "month" }],
    ['usage["processing.quality"] must be an integer from 0 to 10^12, got -5', { kind: "usage", api: "processing.quality" }],
    ['freeRemaining["recognition.vehicle"]: API …', { kind: "freeRemaining", api: "recognition.vehicle" }],
    ["packs[2].remaining must not exceed size 10000, got 20000", { kind: "pack", index: 2, prop: "remaining" }],
    ["purchases[0].quantity: QPS must be an integer from 1 to 200, got 201", { kind: "purchase", index: 0, prop: "quantity" }],
    ["purchases[1]: period and periods apply only to QPS", { kind: "purchase", index: 1, prop: null }],
    ['usage["nope"]: unknown API "nope"', { kind: "other" }],
    ["input is invalid", { kind: "other" }],
  ])("%s", (message, field) => {
    expect(fieldOfMessage(message)).toEqual(field);
  });
});

describe("toCalculatorError / errorIsAbout", () => {
  it("keeps the code and message of a PricingError", () => {
    const error = toCalculatorError(new PricingError("no-price-book", 'month "2022-01" has no price book'));
    expect(error).toEqual({ code: "no-price-book", message: 'month "2022-01" has no price book', field: { kind: "month" } });
    expect(errorIsAbout(error, { kind: "month" })).toBe(true);
    expect(errorIsAbout(error, { kind: "usage", api: "processing.crop" })).toBe(false);
  });

  it("matches the API or the row", () => {
    const usage = toCalculatorError(new PricingError("invalid-count", 'usage["processing.crop"] must be…'));
    expect(errorIsAbout(usage, { kind: "usage", api: "processing.crop" })).toBe(true);
    expect(errorIsAbout(usage, { kind: "usage", api: "processing.quality" })).toBe(false);
    const pack = toCalculatorError(new PricingError("invalid-count", "packs[1].remaining must…"));
    expect(errorIsAbout(pack, { kind: "pack", index: 1, prop: null })).toBe(true);
    expect(errorIsAbout(pack, { kind: "pack", index: 0, prop: null })).toBe(false);
    expect(errorIsAbout(null, { kind: "month" })).toBe(false);
  });

  it("any other error becomes `unexpected`", () => {
    expect(toCalculatorError(new Error("boom"))).toEqual({ code: "unexpected", message: "boom", field: { kind: "other" } });
  });
});
