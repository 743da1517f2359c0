import { isApiId, type ApiId } from "@/lib/pricing/catalog/products";
import { PricingError, type PricingErrorCode } from "@/lib/pricing/errors";

/**
 * Which part of the calculator form a PricingError is about. The pricing module's messages
 * start with the field path of the quote input (`usage["processing.quality"] must be…`,
 * `packs[0].remaining …`, `month "2022-08" has no price book…`); the form maps it back to
 * the input the customer typed in, to mark it and name it in the customer's language.
 */
export type FieldRef =
  | { readonly kind: "month" }
  | { readonly kind: "usage" | "freeRemaining"; readonly api: ApiId }
  | { readonly kind: "pack" | "purchase"; readonly index: number; readonly prop: string | null }
  | { readonly kind: "other" };

export interface CalculatorError {
  readonly code: PricingErrorCode | "unexpected";
  /** The pricing module's own message (English, names the field and the value). */
  readonly message: string;
  readonly field: FieldRef;
}

const FIELD_PATTERN =
  /^(?:(month)\b|(usage|freeRemaining)\["([^"]+)"\]|(packs|purchases)\[(\d+)\](?:\.(\w+))?)/;

export function fieldOfMessage(message: string): FieldRef {
  const match = FIELD_PATTERN.exec(message);
  if (!match) return { kind: "other" };
  if (match[1]) return { kind: "month" };
  const [, , countsField, api, list, index, prop] = match;
  if ((countsField === "usage" || countsField === "freeRemaining") && api !== undefined && isApiId(api)) {
    return { kind: countsField, api };
  }
  if (list !== undefined && index !== undefined) {
    return { kind: list === "packs" ? "pack" : "purchase", index: Number(index), prop: prop ?? null };
  }
  return { kind: "other" };
}

export function toCalculatorError(error: unknown): CalculatorError {
  if (error instanceof PricingError) return { code: error.code, message: error.message, field: fieldOfMessage(error.message) };
  return { code: "unexpected", message: error instanceof Error ? error.message : String(error), field: { kind: "other" } };
}

/** Whether an error is about this input, so the form can mark it invalid. */
export function errorIsAbout(error: CalculatorError | null, field: FieldRef): boolean {
  if (!error) return false;
  const at = error.field;
  if (at.kind !== field.kind) return false;
  if ((at.kind === "usage" || at.kind === "freeRemaining") && (field.kind === "usage" || field.kind === "freeRemaining")) return at.api === field.api;
  if ((at.kind === "pack" || at.kind === "purchase") && (field.kind === "pack" || field.kind === "purchase")) return at.index === field.index;
  return true;
}
