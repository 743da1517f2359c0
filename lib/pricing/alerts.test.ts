import { describe, expect, it } from "vitest";
import { alertsCrossed } from "./alerts";

const base = { size: 1_000, usablePacksOfProduct: 1 };

describe("pack alerts (SPEC §5)", () => {
  it("scan: below 20% only when it is the product's one usable pack", () => {
    expect(alertsCrossed({ ...base, product: "scan", previousRemaining: 200, remaining: 199 })).toEqual([20]);
    expect(alertsCrossed({ ...base, product: "scan", previousRemaining: 201, remaining: 200 })).toEqual([]);
    expect(alertsCrossed({ ...base, product: "scan", usablePacksOfProduct: 2, previousRemaining: 200, remaining: 199 })).toEqual([]);
  });

  it("scan: at 0 whatever the other packs (Reading SCAN_LOW_ALERT_ONLY_WITH_ONE_PACK)", () => {
    expect(alertsCrossed({ ...base, product: "scan", usablePacksOfProduct: 3, previousRemaining: 5, remaining: 0 })).toEqual([0]);
  });

  it("body: below 15% and at 0", () => {
    expect(alertsCrossed({ ...base, product: "body", previousRemaining: 150, remaining: 149 })).toEqual([15]);
    expect(alertsCrossed({ ...base, product: "body", previousRemaining: 199, remaining: 160 })).toEqual([]);
    expect(alertsCrossed({ ...base, product: "body", previousRemaining: 1, remaining: 0 })).toEqual([0]);
  });

  it("others: 20% and 0 by default; a jump to 0 is one used-up alert, not also a running-low one", () => {
    expect(alertsCrossed({ ...base, product: "recognition", previousRemaining: 1_000, remaining: 0 })).toEqual([0]);
    expect(alertsCrossed({ ...base, product: "scan", previousRemaining: 500, remaining: 0 })).toEqual([0]);
    expect(alertsCrossed({ ...base, product: "body", thresholds: [50, 0], previousRemaining: 600, remaining: 0 })).toEqual([0]);
    expect(alertsCrossed({ ...base, product: "recognition", previousRemaining: 1_000, remaining: 150 })).toEqual([20]);
  });

  it("takes the customer's thresholds instead of the default", () => {
    expect(alertsCrossed({ ...base, product: "recognition", thresholds: [50, 10], previousRemaining: 600, remaining: 400 })).toEqual([50]);
    expect(alertsCrossed({ ...base, product: "body", thresholds: [], previousRemaining: 1, remaining: 0 })).toEqual([]);
  });

  it("does not alert again once below a threshold", () => {
    expect(alertsCrossed({ ...base, product: "body", previousRemaining: 100, remaining: 50 })).toEqual([]);
    expect(alertsCrossed({ ...base, product: "body", previousRemaining: 0, remaining: 0 })).toEqual([]);
  });
});
