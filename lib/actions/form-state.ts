import type { ErrorParams } from "@/lib/context/errors";

/**
 * What a form shows after a submit (issue 19 item 4): the refusal, the rule each field broke, and
 * what was typed, so a failed submit never throws input away. Every form's state extends this; the
 * action's result is rendered through `useActionState` and the fields take `values` as their
 * `defaultValue` (React resets a form after its action: to these values, not to empty).
 *
 * Pure types and functions: the browser imports this module too.
 */
export interface FieldError {
  /** A catalog code, shown through `errors.<code>`: it states the rule (e.g. `field-too-short`). */
  error: string;
  params?: ErrorParams;
}

export interface FormState {
  error?: string;
  params?: ErrorParams;
  /** The field the form-level `error` concerns, when there is one. */
  field?: string;
  /** Every refused field with the rule it broke, by input name. */
  fieldErrors?: Record<string, FieldError>;
  /** The submitted text of every field but passwords (a browser clears those too), by input name. */
  values?: Record<string, string>;
}

/** Inputs never sent back: a password is typed again, as after any refused sign-in on the web. */
const SECRET_FIELD = /password|secret/i;

/** The submitted text of a form, without passwords, files and Next's own `$ACTION…` fields. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$") || SECRET_FIELD.test(name)) continue;
    // Several inputs of one name (checkbox lists) keep the first; no form here has such a list of text.
    if (!(name in values)) values[name] = value.slice(0, 2000);
  }
  return values;
}

/** A field's text after a failed submit, else the value the form starts with. */
export function valueOf(state: FormState, name: string, initial = ""): string {
  return state.values?.[name] ?? initial;
}
