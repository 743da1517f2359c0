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
