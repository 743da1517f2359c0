import { ServiceError, type ErrorParams } from "@/lib/context/errors";

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: string; params?: ErrorParams; field?: string };

/**
 * Runs one service call for a server action and maps a typed service error to a result the form
 * shows through `errors.<code>`; anything else is rethrown (Next shows its error page) so that a raw
 * message never reaches the user.
 */
export async function runService<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, error: error.code, params: error.params, field: error.field };
    throw error;
  }
}
