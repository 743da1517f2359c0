import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "@/lib/pricing";
import { billDebit, freezeAmount } from "./debit";

const d = (v: string | number) => new Dec(v);

describe("a bill's debit (SPEC §7.2)", () => {
  it("takes gift, then income, then cash", () => {
    const taken = billDebit(d("150.00"), { gift: d("100.00"), income: d("30.00"), cash: d("500.00") });
    expect([taken.gift, taken.income, taken.cash].map((x) => x.toFixed(2))).toEqual(["100.00", "30.00", "20.00"]);
  });
  it("drives cash negative for what the balance cannot cover", () => {
    const taken = billDebit(d("998.00"), { gift: d("0"), income: d("0"), cash: d("100.00") });
    expect(taken.cash.toFixed(2)).toBe("998.00");
  });
  it("never takes from a negative sub-account and always takes the whole bill", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: -100_000, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (total, cash, income, gift) => {
        const taken = billDebit(d(total).div(100), { cash: d(cash).div(100), income: d(income).div(100), gift: d(gift).div(100) });
        expect(taken.gift.plus(taken.income).plus(taken.cash).equals(d(total).div(100))).toBe(true);
        expect(taken.gift.lte(d(gift).div(100)) && taken.income.lte(d(income).div(100))).toBe(true);
        expect(taken.gift.isNegative() || taken.income.isNegative() || taken.cash.isNegative()).toBe(false);
      }),
    );
  });
});

describe("the 2022 estimate freeze (SPEC §7.4)", () => {
  it("freezes the postpaid amount from cash, never more than the cash left", () => {
    expect(freezeAmount(d("998.00"), d("5000.00")).toFixed(2)).toBe("998.00");
    expect(freezeAmount(d("998.00"), d("300.00")).toFixed(2)).toBe("300.00");
    expect(freezeAmount(d("998.00"), d("-10.00")).toFixed(2)).toBe("0.00");
  });
});
