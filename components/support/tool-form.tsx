"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { SelectedOptionText } from "@/components/ui/selected-option-text";
import { useFormFields } from "@/components/ui/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import type { MessageKey } from "@/lib/i18n/translator";

type State = FormState & { done?: boolean };
type ToolAction = (state: State, formData: FormData) => Promise<State>;

export interface ToolField {
  name: string;
  label: MessageKey;
  type?: "text" | "date" | "number";
  min?: string;
  max?: string;
  step?: string;
  defaultValue?: string;
  required?: boolean;
  /** A choice instead of a text box: values with labels already in the reader's language. */
  options?: readonly { value: string; label: string }[];
}

/**
 * One staff tool's form: hidden ids, the fields it asks for, the service's error or a done line. A
 * refused submit keeps what was typed and names each field's rule beside it (issue 19 item 4).
 */
export function ToolForm({
  action,
  hidden,
  fields = [],
  submit,
  done,
  variant = "primary",
  idPrefix,
}: {
  action: ToolAction;
  hidden: Record<string, string>;
  fields?: ToolField[];
  submit: MessageKey;
  done: MessageKey;
  variant?: "primary" | "secondary" | "danger";
  /** Keeps input ids unique when one page shows several forms. */
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState<State, FormData>(action, {});
  const { value, error, formError } = useFormFields(state);
  const refusal = formError(fields.map((f) => f.name));
  return (
    <form action={formAction} className="space-y-2" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => {
        const id = `${idPrefix}-${f.name}`;
        const message = error(f.name);
        return (
          <div key={f.name} className="space-y-1">
            <label htmlFor={id} className="block text-sm font-medium text-ink">
              {t(f.label)}
            </label>
            {f.options ? (
              <select
                id={id}
                name={f.name}
                defaultValue={value(f.name, f.defaultValue)}
                required={f.required ?? true}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? `${id}-error` : undefined}
                className={inputClass}
              >
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={f.name}
                type={f.type ?? "text"}
                min={f.min}
                max={f.max}
                step={f.step}
                defaultValue={value(f.name, f.defaultValue)}
                required={f.required ?? true}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? `${id}-error` : undefined}
                className={inputClass}
              />
            )}
            {f.options ? <SelectedOptionText selectId={id} /> : null}
            {message ? (
              <p id={`${id}-error`} className="text-xs text-red-600">
                {message}
              </p>
            ) : null}
          </div>
        );
      })}
      {refusal ? <Alert tone="error">{refusal}</Alert> : null}
      {state.done ? <Alert tone="success">{t(done)}</Alert> : null}
      <Button type="submit" variant={variant} disabled={pending}>
        {t(submit)}
      </Button>
    </form>
  );
}
