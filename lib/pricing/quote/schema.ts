import { z } from "zod";
import { PricingError, showValue, type PricingErrorCode } from "../errors";
import { isInstant, isMonth } from "../months";
import { MAX_COUNT } from "../purchase";

/**
 * The quote input of QUOTE.md, checked for shape only. Catalog checks (unknown API, API not
 * in the month's book, QPS range, prices) happen in quoteMonth, which owns the catalog.
 * Unknown fields are refused so that a misspelt field cannot silently quote nothing.
 */
const count = z.number().int().min(0).max(MAX_COUNT);
const instant = z.string().refine(isInstant, "must be an ISO-8601 instant with an offset");
const countsByApi = z.record(z.string(), count);

export const quotePackSchema = z.strictObject({
  id: z.string().min(1),
  api: z.string(),
  size: count.optional(),
  remaining: count,
  expiresAt: instant,
  /** Breaks ties between packs that expire at the same instant (older purchase first). */
  deliveredAt: instant.optional(),
});

export const quotePurchaseSchema = z.strictObject({
  item: z.string(),
  // Range checks depend on the item (QPS 1–200, licences per account), so quoteMonth does them.
  quantity: z.number(),
  period: z.enum(["month", "day"]).optional(),
  periods: z.number().optional(),
  quotedPrice: z.string().optional(),
});

export const quoteInputSchema = z.strictObject({
  month: z.string().refine(isMonth, "must be YYYY-MM"),
  usage: countsByApi.optional(),
  freeRemaining: countsByApi.optional(),
  packs: z.array(quotePackSchema).optional(),
  purchases: z.array(quotePurchaseSchema).optional(),
  billingMode: z.strictObject({ body: z.enum(["calls", "qps"]).optional() }).optional(),
});

export type QuoteInput = z.output<typeof quoteInputSchema>;
export type QuotePackInput = z.output<typeof quotePackSchema>;
export type QuotePurchaseInput = z.output<typeof quotePurchaseSchema>;

type PathKey = PropertyKey;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `packs[0].remaining`, `usage["processing.quality"]`. */
export function fieldName(path: readonly PathKey[]): string {
  let name = "";
  for (const key of path) {
    if (typeof key === "number") name += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) name += name === "" ? key : `.${key}`;
    else name += `[${JSON.stringify(String(key))}]`;
  }
  return name === "" ? "input" : name;
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function codeFor(path: readonly PathKey[]): PricingErrorCode {
  const [top] = path;
  const last = path[path.length - 1];
  if (top === "month") return "invalid-month";
  if ((top === "usage" || top === "freeRemaining") && path.length === 2) return "invalid-count";
  if (top === "packs" && (last === "remaining" || last === "size")) return "invalid-count";
  if (last === "expiresAt" || last === "deliveredAt") return "invalid-instant";
  return "invalid-input";
}

/** One zod issue as a PricingError naming the field and the bad value. */
function issueToError(issue: z.core.$ZodIssue, raw: unknown): PricingError {
  const field = fieldName(issue.path);
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => JSON.stringify(key)).join(", ");
    return new PricingError("invalid-input", `${field}: unknown field ${keys}`);
  }
  const code = codeFor(issue.path);
  const rawValue = valueAt(raw, issue.path);
  if (rawValue === undefined && issue.code === "invalid_type") {
    return new PricingError(code, `${field} is required`);
  }
  const value = showValue(rawValue);
  if (code === "invalid-count") {
    return new PricingError(code, `${field} must be an integer from 0 to 10^12, got ${value}`);
  }
  return new PricingError(code, `${field}: ${issue.message}, got ${value}`);
}

/** Validates untrusted quote input (the boundary); throws PricingError with a stable code. */
export function parseQuoteInput(raw: unknown): QuoteInput {
  const result = quoteInputSchema.safeParse(raw);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  if (!first) throw new PricingError("invalid-input", "input is invalid");
  throw issueToError(first, raw);
}
