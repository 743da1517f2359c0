import { describe, expect, it } from "vitest";
import { packRefundability, refundReturns, refundableUntil, type RefundablePackFacts } from "./refund";

const delivered = "2024-05-01T10:00:00+08:00";
const bought: RefundablePackFacts = {
  product: "recognition",
  source: "purchase",
  size: 100_000,
  remaining: 100_000,
  deliveredAt: delivered,
};
const check = (pack: Partial<RefundablePackFacts>, at = "2024-05-02T10:00:00+08:00", accountDisabled = false) =>
  packRefundability({ pack: { ...bought, ...pack }, accountDisabled, at });
const lastInstant = new Date("2024-05-08T23:59:59.999+08:00");

describe("7-day no-reason refunds (SPEC §4)", () => {
  it("refunds a bought, unused scan or recognition pack within the window", () => {
    expect(check({})).toEqual({ refundable: true, refundableUntil: lastInstant });
    expect(check({ product: "scan" })).toEqual({ refundable: true, refundableUntil: lastInstant });
  });

  it("rule 1: not a free pack or a gift", () => {
    expect(check({ source: "free" })).toEqual({ refundable: false, reason: "not-bought", refundableUntil: null });
    expect(check({ source: "gift" })).toEqual({ refundable: false, reason: "not-bought", refundableUntil: null });
  });

  it("rule 1: a promotion's own no-refund rule wins", () => {
    expect(check({ promotionNoRefund: true })).toEqual({ refundable: false, reason: "promotion-no-refund", refundableUntil: null });
  });

  it("rule 2: body packs are never refundable", () => {
    expect(check({ product: "body" })).toEqual({ refundable: false, reason: "product-not-refundable", refundableUntil: null });
  });

  it("rule 3: only wholly unused packs", () => {
    expect(check({ remaining: 99_999 })).toEqual({ refundable: false, reason: "used", refundableUntil: lastInstant });
  });

  it("rule 4: within 7 calendar days of delivery, the 7th day included (Shanghai)", () => {
    expect(refundableUntil(delivered)).toEqual(lastInstant);
    expect(check({}, "2024-05-08T23:59:59.999+08:00").refundable).toBe(true);
    expect(check({}, "2024-05-08T15:59:59.999Z").refundable).toBe(true);
    expect(check({}, "2024-05-09T00:00:00+08:00")).toEqual({ refundable: false, reason: "window-passed", refundableUntil: lastInstant });
    // Delivered just before midnight: the day of delivery is still day 0.
    expect(refundableUntil("2024-05-01T23:59:00+08:00")).toEqual(lastInstant);
    expect(refundableUntil("2024-04-30T16:00:00Z")).toEqual(lastInstant);
  });

  it("rule 5: not while the account is disabled for a violation", () => {
    expect(check({}, undefined, true)).toEqual({ refundable: false, reason: "account-disabled", refundableUntil: lastInstant });
  });

  it("never refunds a pack twice", () => {
    expect(check({ refunded: true })).toMatchObject({ refundable: false, reason: "already-refunded" });
  });

  it("returns to each sub-account what it paid, the voucher nothing", () => {
    expect(refundReturns({ voucher: "100", gift: "50", income: "200", cash: "380" })).toEqual({
      gift: "50.00",
      income: "200.00",
      cash: "380.00",
      total: "630.00",
      voucherNotReturned: "100.00",
    });
  });
});
