"use client";

import { useActionState, useState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import { errorMessage } from "@/lib/i18n/translator";
import { HowToCall, type ExampleApi } from "./how-to-call";
import { SecretBox } from "./secret-box";

/** Names a new key; on success shows its secret once, with the calls ready to paste. */
export interface CreateKeyState extends FormState {
  /** The new key's secret: returned to this one response only (API.md §1: shown once). */
  created?: { name: string; secret: string };
}

export function CreateKeyForm({ baseUrl, month, at, api, create }: { baseUrl: string; month: string; at: string; api: ExampleApi; create: FormAction<CreateKeyState> }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<CreateKeyState, FormData>(create, {});
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state.created && state.created.secret !== dismissed ? state.created : null;
  const error = state.error ? errorMessage(t, state.error, state.params) : undefined;
  return (
    <div className="space-y-4">
      {created ? (
        <section aria-labelledby="new-key-title" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h3 id="new-key-title" className="text-sm font-semibold text-ink">
            {t("apiKeys.secret.title", { name: created.name })}
          </h3>
          <p className="text-sm text-amber-900">{t("apiKeys.secret.once")}</p>
          <SecretBox secret={created.secret} label={t("apiKeys.secret.label", { name: created.name })} />
          <HowToCall baseUrl={baseUrl} secret={created.secret} month={month} at={at} api={api} />
          <Button type="button" variant="secondary" onClick={() => setDismissed(created.secret)}>
            {t("apiKeys.secret.done")}
          </Button>
        </section>
      ) : null}
      <form action={action} className="flex flex-wrap items-start gap-3">
        <div className="w-full max-w-sm">
          <Field
            label={t("apiKeys.create.name")}
            name="name"
            maxLength={60}
            required
            autoComplete="off"
            defaultValue={state.created ? undefined : state.values?.name}
            hint={t("apiKeys.create.nameHint")}
            error={state.field === "name" ? error : undefined}
          />
        </div>
        <fieldset className="w-full space-y-1 text-sm" aria-describedby={state.field === "scopes" ? "scopes-error" : undefined}>
          <legend className="font-medium text-ink">{t("apiKeys.scopes.legend")}</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="scopes" value="usage:write" defaultChecked /> <span className="font-mono text-xs">{t("apiKeys.scope.usageWrite")}</span>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="scopes" value="read" defaultChecked /> <span className="font-mono text-xs">{t("apiKeys.scope.read")}</span>
          </label>
          {state.field === "scopes" && error ? (
            <p id="scopes-error" className="text-xs text-red-600">
              {error}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? t("apiKeys.create.creating") : t("apiKeys.create.submit")}
        </Button>
      </form>
      {error && state.field !== "name" && state.field !== "scopes" ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
