"use client";

import { useEffect, type RefObject } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { FieldError, FormState } from "@/lib/actions/form-state";
import { errorMessage, isMessageKey, type Translate } from "@/lib/i18n/translator";

/** A field's refusal as text: a catalog key as is (`auth.error.email`), else the error code's message. */
export function fieldErrorText(t: Translate, error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  return isMessageKey(error.error) ? t(error.error, error.params) : errorMessage(t, error.error, error.params);
}

/**
 * A form's fields after a submit (issue 19 item 4): `value(name, initial)` is what the customer typed
 * (or the form's starting value), for the input's `defaultValue`; `error(name)` is the rule that field
 * broke, in words, for the Field beside it. `formError` is a refusal no field explains.
 */
export function useFormFields(state: FormState) {
  const { t } = useI18n();
  const error = (name: string): string | undefined =>
    fieldErrorText(t, state.fieldErrors?.[name]) ?? (state.error && state.field?.split(".")[0] === name ? errorMessage(t, state.error, state.params) : undefined);
  return {
    value: (name: string, initial = ""): string => state.values?.[name] ?? initial,
    error,
    /** The refusal no shown field explains (an error about a hidden id, a conflict, a refusal of the whole form). */
    formError: (shown: readonly string[]): string | undefined => {
      if (!state.error) return undefined;
      const field = state.field?.split(".")[0];
      if (field && shown.includes(field)) return undefined;
      return errorMessage(t, state.error, state.params);
    },
  };
}

/**
 * For a form whose fields a server page renders (its children, so they cannot read the state): after
 * a refused submit, puts what was typed back into them. React resets a form when its action ends,
 * before effects run, so this runs after the reset.
 */
export function useRestoreInput(form: RefObject<HTMLFormElement | null>, state: FormState): void {
  useEffect(() => {
    const element = form.current;
    if (!element || !state.values) return;
    for (const [name, value] of Object.entries(state.values)) {
      const input = element.elements.namedItem(name);
      if (input instanceof HTMLInputElement && !["hidden", "password", "checkbox", "radio", "file"].includes(input.type)) input.value = value;
      else if (input instanceof HTMLSelectElement || input instanceof HTMLTextAreaElement) input.value = value;
    }
  }, [form, state]);
}
