import { describe, expect, it } from "vitest";
import { splitPayment, type Voucher } from "./payment";

const at = "2024-05-10T12:00:00+08:00";
const voucher: Voucher = { remaining: "100", products: ["recognition"], expiresAt: "2024-06-01T00:00:00+08:00" };

describe("paying a purchase (SPEC §3)", () => {
  it("takes voucher, then gift, then income, then cash", () => {
    const split = splitPayment({ price: "730", product: "recognition", voucher, balance: { gift: "50", income: "200", cash: "1000" }, at });
    expect(split).toEqual({ ok: true, paid: { voucher: "100.00", gift: "50.00", income: "200.00", cash: "380.00" }, voucherIgnored: null });
  });

  it("uses a voucher at most up to the price", () => {
    const split = splitPayment({ price: "18", product: "recognition", voucher, balance: { gift: "0", income: "0", cash: "0" }, at });
    expect(split).toEqual({ ok: true, paid: { voucher: "18.00", gift: "0.00", income: "0.00", cash: "0.00" }, voucherIgnored: null });
  });

  it("ignores a voucher for another product or past its expiry", () => {
    const balance = { gift: "0", income: "0", cash: "800" };
    expect(splitPayment({ price: "800", product: "scan", voucher, balance, at })).toMatchObject({ ok: true, voucherIgnored: "wrong-product", paid: { voucher: "0.00", cash: "800.00" } });
    expect(splitPayment({ price: "800", product: "recognition", voucher, balance, at: "2024-06-01T00:00:00+08:00" })).toMatchObject({
      ok: true,
      voucherIgnored: "expired",
    });
  });

  it("refuses with the amounts when the balance cannot cover it, charging nothing", () => {
    const split = splitPayment({ price: "730", product: "recognition", voucher, balance: { gift: "10", income: "20", cash: "-5" }, at });
    expect(split).toEqual({
      ok: false,
      code: "insufficient-balance",
      price: "730.00",
      voucherPays: "100.00",
      balanceNeeded: "630.00",
      balanceAvailable: "30.00",
      shortfall: "600.00",
    });
  });

  it("pays exactly when the balance is exactly enough", () => {
    const split = splitPayment({ price: "0.30", product: "body", balance: { gift: "0.10", income: "0.10", cash: "0.10" }, at });
    expect(split).toEqual({ ok: true, paid: { voucher: "0.00", gift: "0.10", income: "0.10", cash: "0.10" }, voucherIgnored: null });
  });
});
