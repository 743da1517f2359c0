import { describe, expect, it } from "vitest";
import { csvField, csvText } from "./csv";

describe("csv", () => {
  it("quotes fields with commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvField("(2,000,000 − 1,000) × 0.0025 = 4,997.50")).toBe('"(2,000,000 − 1,000) × 0.0025 = 4,997.50"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("商品识别")).toBe("商品识别");
    expect(csvField(500000)).toBe("500000");
  });

  it("keeps negative amounts numbers but defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("-998.00")).toBe("-998.00");
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@cmd")).toBe("'@cmd");
  });

  it("starts with a UTF-8 BOM and ends every row with CRLF", () => {
    expect(csvText([["a", "b,c"], [], ["账单"]])).toBe('\uFEFFa,"b,c"\r\n\r\n账单\r\n');
  });
});
