import { describe, expect, it } from "vitest";
import { balanceAlertInput, budgetInput, parseThresholdList } from "./schemas";

const fieldOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues[0]?.path[0];

describe("budget and balance alert input", () => {
  it("accepts a budget, sorting and de-duplicating its thresholds", () => {
    expect(budgetInput.parse({ scope: "scan", amount: " 1,000.5 ", thresholds: parseThresholdList("100, 50，80 50") })).toEqual({ scope: "scan", amount: "1000.5", thresholds: [50, 80, 100] });
  });

  it("refuses bad input naming the field", () => {
    expect(fieldOf(budgetInput.safeParse({ scope: "everything", amount: "10", thresholds: [50] }))).toBe("scope");
    for (const amount of ["0", "-5", "1.234", "abc", ""]) expect(fieldOf(budgetInput.safeParse({ scope: "account", amount, thresholds: [50] }))).toBe("amount");
    for (const text of ["", "0", "50, x", "1001", "1,2,3,4,5,6,7"]) expect(fieldOf(budgetInput.safeParse({ scope: "account", amount: "10", thresholds: parseThresholdList(text) }))).toBe("thresholds");
    expect(fieldOf(balanceAlertInput.safeParse({ enabled: true, threshold: "0.001" }))).toBe("threshold");
  });
});
