import type { FormState } from "@/lib/actions/form-state";

/** What the budget and balance-alert actions answer their forms: the refused fields with what was typed, or saved. */
export interface SpendFormState extends FormState {
  saved?: boolean;
}
