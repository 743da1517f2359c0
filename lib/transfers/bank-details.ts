import { sandboxPaymentsEnabled } from "@/lib/wallet/providers/config";

/**
 * The company's bank account customers transfer to (对公汇款), from configuration: BANK_ACCOUNT_NAME
 * (收款户名), BANK_NAME (开户行), BANK_ACCOUNT_NO (账号). With none of them set on a demo server
 * (sandbox payments on: fake money), a documented demo account is shown, marked as a demo, so the
 * card reads as it will in production; a real server (sandbox off) with any of them missing shows
 * null: the reference, and "ask support for the account". A demo account is never shown where real
 * money is taken.
 */
export interface BankDetails {
  accountName: string;
  bankName: string;
  accountNumber: string;
  /** The demo defaults below, not a configured account: the card says not to send real money. */
  demo: boolean;
}

/** Shown on a demo server with no BANK_* set (README, docs/payments.md). Not a real account. */
export const DEMO_BANK_DETAILS: BankDetails = {
  accountName: "AI Services Billing Demo Co., Ltd.",
  bankName: "China Merchants Bank, Hangzhou Branch (demo)",
  accountNumber: "5719 0000 0000 0000 001",
  demo: true,
};

export function bankDetails(env: Record<string, string | undefined> = process.env): BankDetails | null {
  const accountName = env.BANK_ACCOUNT_NAME?.trim();
  const bankName = env.BANK_NAME?.trim();
  const accountNumber = env.BANK_ACCOUNT_NO?.trim();
  if (accountName && bankName && accountNumber) return { accountName, bankName, accountNumber, demo: false };
  const noneSet = !accountName && !bankName && !accountNumber;
  return noneSet && sandboxPaymentsEnabled(env) ? DEMO_BANK_DETAILS : null;
}
