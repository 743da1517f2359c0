import { describe, expect, it } from "vitest";
import { returnedParts } from "./returned";

describe("the balances a refund went back to", () => {
  it("names only those it returned money to, cash first", () => {
    expect(returnedParts({ returnedCash: "30.00", returnedIncome: "0.00", returnedGift: "5.50" })).toEqual([
      ["cash", "30.00"],
      ["gift", "5.50"],
    ]);
    expect(returnedParts({ returnedCash: "0.00", returnedIncome: "12.00", returnedGift: "0.00" })).toEqual([["income", "12.00"]]);
  });

  it("a refund that returned nothing reads as cash ¥0.00", () => {
    expect(returnedParts({ returnedCash: "0.00", returnedIncome: "0", returnedGift: "0.00" })).toEqual([["cash", "0.00"]]);
  });
});
