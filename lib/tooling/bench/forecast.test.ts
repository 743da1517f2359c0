import { expect, it } from "vitest";
import { forecastAccuracy } from "./forecast";

it("forecasts the demo company's months within a few percent, and its range holds most bills", () => {
  const figures = forecastAccuracy(new Date("2026-11-30T00:00:00Z"));
  const value = (label: string) => figures.find((f) => f.label.startsWith(label))?.value ?? Number.NaN;
  expect(figures.find((f) => f.label.includes("23 months"))).toBeDefined();
  // Accuracy, not time: the error shrinks as the month goes on and stays small.
  expect(value("day 7: median abs. % error, forecast")).toBeLessThan(10);
  expect(value("day 21: median abs. % error, forecast")).toBeLessThan(value("day 7: median abs. % error, forecast"));
  expect(value("day 21: months whose bill fell inside")).toBeGreaterThanOrEqual(80);
});

it("scores the month's first days and accounts younger than a month: no forecast before a full day, and wide ranges that hold the bill (issue 19)", () => {
  const figures = forecastAccuracy(new Date("2026-11-30T00:00:00Z"));
  const value = (label: string) => figures.find((f) => f.label.startsWith(label))?.value ?? Number.NaN;
  for (const day of [1, 2, 3]) expect(value(`day ${day}: months whose bill fell inside`)).toBeGreaterThanOrEqual(80);
  for (const start of [2, 11]) {
    expect(value(`new account created at noon on day ${start}, 0 full days later: months with a forecast shown`)).toBe(0);
    for (const age of [1, 2, 3, 7]) {
      expect(value(`new account created at noon on day ${start}, ${age} full days later: months with a forecast shown`)).toBe(100);
      expect(value(`new account created at noon on day ${start}, ${age} full days later: months whose bill fell inside`)).toBeGreaterThanOrEqual(80);
    }
  }
});
