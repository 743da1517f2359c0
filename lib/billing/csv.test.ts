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

  // Issue 17 item 6: a leading "-" ran as a formula ("-1+cmd|' /C calc'!A0"); the OWASP list in full.
  it.each([
    ["-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"],
    ["-HYPERLINK(\"https://evil.example\")", "\"'-HYPERLINK(\"\"https://evil.example\"\")\""],
    ["-", "'-"],
    ["--12.50", "'--12.50"],
    ["-12.50 ", "'-12.50 "],
    ["-1e5", "'-1e5"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "\"'\rcmd\""],
    ["\ncmd", "\"'\ncmd\""],
    ["\u0000=1", "'\u0000=1"],
    ["  =1+1", "'  =1+1"],
    ["\u3000@SUM(A1)", "'\u3000@SUM(A1)"],
    ["＝1+1", "'＝1+1"],
    ["＋1", "'＋1"],
    ["－1+1", "'－1+1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
  ])("defuses text that starts like a formula: %j", (text, written) => {
    expect(csvField(text)).toBe(written);
  });

  it.each([
    ["-12.50", "-12.50"],
    ["-0.01", "-0.01"],
    ["-998", "-998"],
    [-42, "-42"],
    ["0.00", "0.00"],
    ["a-b", "a-b"],
    ["商品识别 - 标准版", "商品识别 - 标准版"],
  ])("leaves numbers (negative too) and text with a dash inside alone: %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("writes a statement row with a refund's negative amount as a number and hostile text as text", () => {
    expect(csvText([["2026-10-01 08:00:00", "-1+1", "-12.50", "0.00"]])).toBe("\uFEFF2026-10-01 08:00:00,'-1+1,-12.50,0.00\r\n");
  });

  it("starts with a UTF-8 BOM and ends every row with CRLF", () => {
    expect(csvText([["a", "b,c"], [], ["账单"]])).toBe('\uFEFFa,"b,c"\r\n\r\n账单\r\n');
  });
});
