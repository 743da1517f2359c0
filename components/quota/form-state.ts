import type { Failure } from "@/lib/actions/define";
import type { FormState } from "@/lib/actions/form-state";

/** The state of the QPS and SDK pages' forms: the refusal and what was typed, or done. */
export interface QuotaFormState extends FormState {
  done?: boolean;
}

export function quotaFailed({ error, params }: Failure): QuotaFormState {
  return { error, params };
}
