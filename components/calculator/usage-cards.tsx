"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { errorIsAbout, type CalculatorError } from "@/lib/calculator/errors";
import type { CalculatorForm } from "@/lib/calculator/form";
import { APIS, PRODUCTS, type Api, type ProductId } from "@/lib/pricing/catalog/products";
import { bookOffersApi, priceBookForMonth } from "@/lib/pricing/price-book";
import { formatCount } from "@/lib/pricing/format";
import { freePoolOf } from "@/lib/pricing/free-quota";
import { type PriceBook } from "@/lib/pricing/catalog/price-books";
import type { Translate } from "@/lib/i18n/translate";
import type { FormUpdate } from "./calculator";
import { BillingModeSwitch } from "./billing-mode-switch";
import { CountInput } from "./count-input";
import { apiName, productName } from "./labels";

function bookOf(month: string): PriceBook | null {
  try {
    return priceBookForMonth(month);
  } catch {
    return null;
  }
}

/** What free quota the month gives this API (SPEC §2.2), in words. */
function freeNote(t: Translate, book: PriceBook | null, api: Api): string {
  // Without a price book (a month before 2022-09) there is no quota to speak of; the bill says why.
  if (!book) return "";
  if (api.id === "scan.barcode-lookup") return t("calculator.usage.oneTimeGrant");
  const pool = freePoolOf(book, api.id);
  if (!pool) return t("calculator.usage.noFree");
  const other = pool.apis.find((member) => member !== api.id);
  const count = formatCount(pool.callsPerMonth);
  return other ? t("calculator.usage.sharedPool", { count, other: apiName(t, other) }) : t("calculator.usage.freeQuota", { count });
}

function ApiRow({ api, form, update, error, book }: { api: Api; form: CalculatorForm; update: FormUpdate; error: CalculatorError | null; book: PriceBook | null }) {
  const { t } = useI18n();
  const offered = !book || bookOffersApi(book, api.id);
  const qpsBilled = api.product === "body" && form.bodyBilling === "qps";
  const pool = book ? freePoolOf(book, api.id) : null;
  const id = `calls-${api.id}`;
  return (
    // On a phone the name and its note take a whole line and the two inputs share the row below
    // (three columns squeezed the name to a few letters).
    <li className="grid grid-cols-2 sm:grid-cols-[minmax(0,1fr)_9.5rem_7.5rem] items-start gap-x-3 gap-y-2 py-2.5">
      <div className="col-span-2 min-w-0 pt-1 sm:col-span-1">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {apiName(t, api.id)}
        </label>
        <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-muted">
          {offered ? freeNote(t, book, api) : <Badge tone="amber">{t("calculator.usage.notInBook", { month: form.month })}</Badge>}
          {qpsBilled ? <Badge>{t("calculator.usage.qpsBilled")}</Badge> : null}
        </p>
      </div>
      <CountInput
        id={id}
        value={form.usage[api.id] ?? ""}
        placeholder="0"
        invalid={errorIsAbout(error, { kind: "usage", api: api.id })}
        onValueChange={(value) => update((current) => ({ ...current, usage: { ...current.usage, [api.id]: value } }))}
      />
      <CountInput
        aria-label={t("calculator.usage.freeLeftFor", { api: apiName(t, api.id) })}
        value={form.freeLeft[api.id] ?? ""}
        placeholder={book ? formatCount(pool?.callsPerMonth ?? 0) : ""}
        invalid={errorIsAbout(error, { kind: "freeRemaining", api: api.id })}
        onValueChange={(value) => update((current) => ({ ...current, freeLeft: { ...current.freeLeft, [api.id]: value } }))}
      />
    </li>
  );
}

function ProductCard({ product, ...props }: { product: ProductId; form: CalculatorForm; update: FormUpdate; error: CalculatorError | null; book: PriceBook | null }) {
  const { t } = useI18n();
  return (
    <Card
      title={productName(t, product)}
      actions={product === "body" ? <BillingModeSwitch value={props.form.bodyBilling} onChange={(bodyBilling) => props.update((current) => ({ ...current, bodyBilling }))} /> : null}
    >
      <div className="grid grid-cols-2 sm:grid-cols-[minmax(0,1fr)_9.5rem_7.5rem] gap-3 text-xs font-medium text-muted" aria-hidden="true">
        <span className="hidden sm:block" />
        <span className="text-right">{t("calculator.usage.calls")}</span>
        <span className="text-right">{t("calculator.usage.freeLeft")}</span>
      </div>
      <ul className="divide-y divide-line/70">
        {APIS.filter((api) => api.product === product).map((api) => (
          <ApiRow key={api.id} api={api} {...props} />
        ))}
      </ul>
    </Card>
  );
}

export function UsageCards({ form, update, error }: { form: CalculatorForm; update: FormUpdate; error: CalculatorError | null }) {
  const { t } = useI18n();
  const book = bookOf(form.month);
  return (
    <section aria-labelledby="calc-usage" className="space-y-3">
      <div>
        <h2 id="calc-usage" className="text-base font-semibold text-ink">
          {t("calculator.usage.title")}
        </h2>
        <p className="text-xs text-muted">{t("calculator.usage.hint")}</p>
      </div>
      {PRODUCTS.map((product) => (
        <ProductCard key={product.id} product={product.id} form={form} update={update} error={error} book={book} />
      ))}
    </section>
  );
}
