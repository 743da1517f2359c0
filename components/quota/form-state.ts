import type { Failure } from "@/lib/actions/define";
import type { ErrorParams } from "@/lib/context/errors";

/** The state of the QPS and SDK pages' forms. */
export interface QuotaFormState {
  error?: string;
  params?: ErrorParams;
  done?: boolean;
}

export function quotaFailed({ error, params }: Failure): QuotaFormState {
  return { error, params };
}
