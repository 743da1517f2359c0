import Link from "@/components/ui/app-link";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";

export interface FirstRunSteps {
  activated: boolean;
  toppedUp: boolean;
  hasKey: boolean;
}

const STEPS = [
  { id: "activate", done: (s: FirstRunSteps) => s.activated, href: "/services" },
  { id: "top-up", done: (s: FirstRunSteps) => s.toppedUp, href: "/balance" },
  { id: "api-key", done: (s: FirstRunSteps) => s.hasKey, href: "/api-keys" },
] as const;

/**
 * A new customer's overview says what to do first (issue 19 item 10): activate a service, top up,
 * create an API key, each linking to its page. Steps done are ticked; once all are, the card goes.
 */
export function NextSteps({ t, steps }: { t: Translate; steps: FirstRunSteps }) {
  if (STEPS.every((step) => step.done(steps))) return null;
  return (
    <Card title={t("overview.next.title")}>
      <p className="mb-3 text-sm text-muted">{t("overview.next.intro")}</p>
      <ol className="grid gap-3 md:grid-cols-3" data-testid="next-steps">
        {STEPS.map((step, index) => {
          const done = step.done(steps);
          return (
            <li key={step.id} className={`rounded-md border px-4 py-3 text-sm ${done ? "border-line bg-canvas" : "border-brand-100 bg-brand-50/60"}`} data-testid={`next-step-${step.id}`} data-done={done}>
              <div className="flex items-center gap-2">
                <span aria-hidden="true" className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${done ? "bg-emerald-600 text-white" : "bg-brand-600 text-white"}`}>
                  {done ? "✓" : index + 1}
                </span>
                <Link href={step.href} className="font-medium text-brand-700 hover:underline">
                  {t(`overview.next.${step.id}.title`)}
                </Link>
                {done ? <span className="text-xs text-emerald-700">{t("overview.next.done")}</span> : null}
              </div>
              <p className="mt-1.5 text-xs text-muted">{t(`overview.next.${step.id}.body`)}</p>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
