import { formatCount } from "@/lib/pricing/format";
import { packSpecById } from "@/lib/pricing/catalog/packs";
import { type ApiId } from "@/lib/pricing/catalog/products";
import { type QpsPeriod } from "@/lib/pricing/catalog/qps";

/**
 * The calculator's form as the customer typed it (strings, so a half-typed number is kept),
 * and its translation into the raw quote input of QUOTE.md. Validation is left to
 * parseQuoteInput, so the calculator refuses exactly what the quote command refuses.
 */
export type BodyBilling = "calls" | "qps";

export interface OwnedPackRow {
  readonly key: number;
  readonly packId: string;
  /** Calls left in the pack; empty = a full pack. */
  readonly remaining: string;
  /** Last day the pack can be used, `YYYY-MM-DD` (Shanghai). */
  readonly expiresOn: string;
}

export type PurchaseRow =
  | { readonly key: number; readonly kind: "pack"; readonly packId: string; readonly quantity: string }
  | { readonly key: number; readonly kind: "qps"; readonly quantity: string; readonly period: QpsPeriod; readonly periods: string }
  | { readonly key: number; readonly kind: "sdk"; readonly quantity: string };

export interface CalculatorForm {
  readonly month: string;
  readonly usage: Readonly<Partial<Record<ApiId, string>>>;
  /** Overrides of the month's free calls per API; empty = the price book's quota. */
  readonly freeLeft: Readonly<Partial<Record<ApiId, string>>>;
  readonly packs: readonly OwnedPackRow[];
  readonly purchases: readonly PurchaseRow[];
  readonly bodyBilling: BodyBilling;
}

export function emptyForm(month: string): CalculatorForm {
  return { month, usage: {}, freeLeft: {}, packs: [], purchases: [], bodyBilling: "calls" };
}

const SEPARATORS = /[\s,，_']/g;
const NUMERIC = /^[+-]?\d+(\.\d+)?$/;

/**
 * A count as typed: thousands separators dropped; a number when it reads as one (so that a
 * negative or fractional count reaches the schema and is refused there with its field),
 * otherwise the text itself; undefined when empty.
 */
export function countValue(text: string): number | string | undefined {
  const compact = text.replace(SEPARATORS, "");
  if (compact === "") return undefined;
  return NUMERIC.test(compact) ? Number(compact) : text.trim();
}

/** A count typed in an input, shown with thousands separators once it is a plain integer. */
export function formatCountText(text: string): string {
  const compact = text.replace(SEPARATORS, "");
  if (!/^\d{1,15}$/.test(compact)) return text;
  return formatCount(Number(compact));
}

/** The pack ids listed in the quote input (`packDraws` refers to them). */
export function ownedPackId(index: number): string {
  return `pack-${index + 1}`;
}

/** A pack is usable through the whole of its last day, Shanghai time. */
export function expiryInstant(expiresOn: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(expiresOn) ? `${expiresOn}T23:59:59+08:00` : expiresOn;
}

function counts(values: Readonly<Partial<Record<ApiId, string>>>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [api, text] of Object.entries(values)) {
    const value = text === undefined ? undefined : countValue(text);
    if (value !== undefined) out[api] = value;
  }
  return out;
}

function purchaseInput(row: PurchaseRow): Record<string, unknown> {
  const quantity = countValue(row.quantity) ?? 1;
  if (row.kind === "pack") return { item: row.packId, quantity };
  if (row.kind === "sdk") return { item: "scan.sdk", quantity };
  return { item: "qps:body", quantity, period: row.period, periods: countValue(row.periods) ?? 1 };
}

/** The raw quote input (QUOTE.md) of a form, to be checked by parseQuoteInput. */
export function formToQuoteInput(form: CalculatorForm): Record<string, unknown> {
  return {
    month: form.month,
    usage: counts(form.usage),
    freeRemaining: counts(form.freeLeft),
    packs: form.packs.map((row, index) => {
      const spec = packSpecById(row.packId);
      return {
        id: ownedPackId(index),
        api: spec?.api ?? row.packId,
        ...(spec ? { size: spec.calls } : {}),
        remaining: countValue(row.remaining) ?? spec?.calls ?? 0,
        expiresAt: expiryInstant(row.expiresOn),
      };
    }),
    purchases: form.purchases.map(purchaseInput),
    billingMode: { body: form.bodyBilling },
  };
}
