"use client";

import Link from "@/components/ui/app-link";
import { useActionState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/i18n/translator";
import type { ProductId } from "@/lib/pricing";

export interface ActivateState {
  error?: string;
  activated?: string;
}

export function ActivateForm({ product, termsVersion, activate }: { product: ProductId; termsVersion: string; activate: FormAction<ActivateState> }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<ActivateState, FormData>(activate, {});
  const name = t(`product.${product}`);
  if (state.activated) return <Alert tone="success">{t("services.activated", { product: name })}</Alert>;
  return (
    <form action={action} className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-canvas px-4 py-3">
      <input type="hidden" name="product" value={product} />
      <label className="flex max-w-xl items-start gap-2 text-sm">
        <input type="checkbox" name="acceptTerms" className="mt-0.5 h-4 w-4 rounded border-line" required />
        <span>{t("services.terms", { product: name, version: termsVersion })}</span>
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? t("services.activating") : t("services.activate")}
        {/* Four cards, four buttons: each is named after its product for screen readers. */}
        <span className="sr-only"> {name}</span>
      </Button>
      <p className="w-full text-xs">
        <Link href="/terms" className="text-brand-600 hover:underline">
          {t("prices.terms")}
        </Link>
        {" · "}
        <Link href={`/prices/${product}`} className="text-brand-600 hover:underline">
          {t("prices.seeAll")}
        </Link>
      </p>
      {state.error ? (
        <div className="w-full">
          <Alert tone="error">{errorMessage(t, state.error)}</Alert>
        </div>
      ) : null}
    </form>
  );
}
