/** What the budget and balance-alert actions answer their forms: a refusal naming the field, or saved. */
export interface SpendFormState {
  error?: string;
  field?: string;
  saved?: boolean;
}
