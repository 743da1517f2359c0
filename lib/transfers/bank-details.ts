/**
 * The company's bank account customers transfer to (对公汇款), from configuration: BANK_ACCOUNT_NAME
 * (收款户名), BANK_NAME (开户行), BANK_ACCOUNT_NO (账号). Null when any is missing: the balance page
 * then shows the reference and says to ask support for the account.
 */
export interface BankDetails {
  accountName: string;
  bankName: string;
  accountNumber: string;
}

export function bankDetails(env: Record<string, string | undefined> = process.env): BankDetails | null {
  const accountName = env.BANK_ACCOUNT_NAME?.trim();
  const bankName = env.BANK_NAME?.trim();
  const accountNumber = env.BANK_ACCOUNT_NO?.trim();
  if (!accountName || !bankName || !accountNumber) return null;
  return { accountName, bankName, accountNumber };
}
