import { describe, expect, it } from "vitest";
import { Dec } from "@/lib/pricing";
import { balanceAlertStep, suggestedBalanceThreshold } from "./balance-rule";
import { dueBudgetAlerts, type BudgetSpend } from "./crossings";

const budget = { id: "b1", scope: "account" as const, amount: "100.00", thresholds: [50, 80, 100] };
const spend = (actual: string, forecast: string): BudgetSpend => ({ actual: new Dec(actual), forecast: new Dec(forecast), forecastLow: new Dec(actual), forecastHigh: new Dec(forecast), forecastEnough: true });

/** Evaluates like run-due does: what is due is sent, and its key remembered (the inbox's unique key). */
function run(sent: Set<string>, month: string, s: BudgetSpend) {
  const due = dueBudgetAlerts(budget, month, s, sent);
  for (const alert of due) sent.add(alert.dedupeKey);
  return due.map((a) => `${a.basis}:${a.threshold}`);
}

describe("budget threshold crossings", () => {
  it("fire once per month, basis and threshold, however often they are evaluated", () => {
    const sent = new Set<string>();
    expect(run(sent, "2026-11", spend("10.00", "45.00"))).toEqual([]);
    expect(run(sent, "2026-11", spend("20.00", "60.00"))).toEqual(["forecast:50"]);
    expect(run(sent, "2026-11", spend("20.00", "60.00"))).toEqual([]);
    expect(run(sent, "2026-11", spend("50.00", "85.00"))).toEqual(["actual:50", "forecast:80"]);
    // The forecast falls back below 80% and rises again: not sent twice in the month.
    expect(run(sent, "2026-11", spend("55.00", "70.00"))).toEqual([]);
    expect(run(sent, "2026-11", spend("60.00", "90.00"))).toEqual([]);
    // A jump past several thresholds sends each of them.
    expect(run(sent, "2026-11", spend("130.00", "150.00"))).toEqual(["actual:80", "actual:100", "forecast:100"]);
    // A new month starts over.
    expect(run(sent, "2026-12", spend("80.00", "80.00"))).toEqual(["actual:50", "actual:80", "forecast:50", "forecast:80"]);
  });

  it("compares exactly at the boundary (80% of ¥100 is ¥80.00)", () => {
    expect(dueBudgetAlerts(budget, "2026-11", spend("79.99", "0"), new Set()).map((a) => a.threshold)).toEqual([50]);
    expect(dueBudgetAlerts(budget, "2026-11", spend("80.00", "0"), new Set()).map((a) => a.threshold)).toEqual([50, 80]);
  });
});

describe("budget alerts on a forecast from too little history", () => {
  it("skip the forecast basis and still send actual-spend alerts", () => {
    const thin = { ...spend("60.00", "4654.00"), forecastEnough: false };
    expect(run(new Set(), "2026-12", thin)).toEqual(["actual:50"]);
  });
});

describe("balance alert", () => {
  it("fires once per crossing and re-arms when the balance is back at or above the threshold", () => {
    let state = { enabled: true, armed: true, threshold: "100.00" };
    const steps: string[] = [];
    for (const balance of ["150.00", "99.99", "50.00", "-10.00", "100.00", "120.00", "80.00", "70.00"]) {
      const step = balanceAlertStep(state, balance);
      steps.push(step);
      if (step === "fire") state = { ...state, armed: false };
      if (step === "rearm") state = { ...state, armed: true };
    }
    expect(steps).toEqual(["none", "fire", "none", "none", "rearm", "none", "fire", "none"]);
  });

  it("does nothing while off", () => {
    expect(balanceAlertStep({ enabled: false, armed: true, threshold: "100.00" }, "1.00")).toBe("none");
  });

  it("suggests 7 days of the month's average daily spend", () => {
    expect(suggestedBalanceThreshold("300.00", 10)).toBe("210.00");
    expect(suggestedBalanceThreshold("0.00", 3)).toBe("1.00");
    expect(suggestedBalanceThreshold("10.01", 7)).toBe("11.00");
  });
});
