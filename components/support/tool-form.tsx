"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { errorMessage, type MessageKey } from "@/lib/i18n/translator";

type State = { error?: string; field?: string; params?: Record<string, string | number>; done?: boolean };
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

/** One staff tool's form: hidden ids, the fields it asks for, the service's error or a done line. */
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
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => (
        <div key={f.name} className="space-y-1">
          <label htmlFor={`${idPrefix}-${f.name}`} className="block text-sm font-medium text-ink">
            {t(f.label)}
          </label>
          {f.options ? (
            <select id={`${idPrefix}-${f.name}`} name={f.name} defaultValue={f.defaultValue} required={f.required ?? true} className={inputClass}>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input id={`${idPrefix}-${f.name}`} name={f.name} type={f.type ?? "text"} min={f.min} max={f.max} step={f.step} defaultValue={f.defaultValue} required={f.required ?? true} className={inputClass} />
          )}
        </div>
      ))}
      {state.error ? <Alert tone="error">{errorMessage(t, state.error, state.params)}</Alert> : null}
      {state.done ? <Alert tone="success">{t(done)}</Alert> : null}
      <Button type="submit" variant={variant} disabled={pending}>
        {t(submit)}
      </Button>
    </form>
  );
}
