import { describe, expect, it } from "vitest";
import { bankDetails, DEMO_BANK_DETAILS } from "./bank-details";

describe("the payee bank account on the balance page", () => {
  const configured = { BANK_ACCOUNT_NAME: "示例科技有限公司", BANK_NAME: "招商银行杭州分行", BANK_ACCOUNT_NO: "5719 1234 5678 901" };

  it("shows the configured account wherever it is set", () => {
    expect(bankDetails({ ...configured, DATABASE_URL: "postgres://x" })).toEqual({ accountName: "示例科技有限公司", bankName: "招商银行杭州分行", accountNumber: "5719 1234 5678 901", demo: false });
    expect(bankDetails({ ...configured, PAYMENT_PROVIDER: "sandbox" })?.demo).toBe(false);
  });

  it("shows the demo account, marked, on a demo server with none set", () => {
    expect(bankDetails({})).toEqual(DEMO_BANK_DETAILS);
    expect(bankDetails({ DATABASE_URL: "postgres://x", PAYMENT_PROVIDER: "sandbox" })?.demo).toBe(true);
  });

  it("never shows the demo account where real money is taken, nor a half-configured one", () => {
    expect(bankDetails({ DATABASE_URL: "postgres://x" })).toBeNull();
    expect(bankDetails({ DATABASE_URL: "postgres://x", PAYMENT_PROVIDER: "none" })).toBeNull();
    expect(bankDetails({ BANK_ACCOUNT_NAME: "示例科技有限公司" })).toBeNull();
  });
});
