/**
 * Stable machine-readable codes for everything the pricing module refuses.
 * The quote command prints them as `{"error": {"code", "message"}}`; docs/pricing.md lists them.
 */
export const PRICING_ERROR_CODES = [
  "invalid-json",
  "invalid-input",
  "invalid-month",
  "invalid-instant",
  "invalid-count",
  "invalid-money",
  "no-price-book",
  "unknown-api",
  "api-not-in-book",
  "unknown-item",
  "qps-out-of-range",
  "shared-pool-mismatch",
  "duplicate-pack-id",
  "price-on-request",
  "unreadable-file",
  "missing-argument",
] as const;

export type PricingErrorCode = (typeof PRICING_ERROR_CODES)[number];

/** A refusal with a stable code and a message naming the field and the bad value. */
export class PricingError extends Error {
  readonly code: PricingErrorCode;

  constructor(code: PricingErrorCode, message: string) {
    super(message);
    this.name = "PricingError";
    this.code = code;
  }
}

/** Renders a bad value for an error message: strings quoted, objects as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
