import { describe, expect, it } from "vitest";
import { parseApprovalThreshold } from "./adjustment-threshold";

describe("ADJUSTMENT_APPROVAL_THRESHOLD", () => {
  it("defaults to ¥1,000.00 and reads yuan with at most two decimals", () => {
    expect(parseApprovalThreshold(undefined).toFixed(2)).toBe("1000.00");
    expect(parseApprovalThreshold(" ").toFixed(2)).toBe("1000.00");
    expect(parseApprovalThreshold("0").toFixed(2)).toBe("0.00");
    expect(parseApprovalThreshold("250.5").toFixed(2)).toBe("250.50");
  });

  it.each(["-1", "1e3", "1,000", "¥1000", "10.001", "abc", "Infinity"])("refuses %j, naming the variable", (raw) => {
    expect(() => parseApprovalThreshold(raw)).toThrow(/ADJUSTMENT_APPROVAL_THRESHOLD/);
  });
});
