import { PricingError } from "../errors";
import { quoteMonth, type Quote } from "./quote-month";
import { parseQuoteInput } from "./schema";

export interface QuoteErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

export type QuoteCommandResult =
  | { readonly exitCode: 0; readonly body: Quote }
  | { readonly exitCode: 2; readonly body: QuoteErrorBody };

export function errorBody(error: PricingError): QuoteErrorBody {
  return { error: { code: error.code, message: error.message } };
}

/**
 * The quote command without its I/O: JSON text in, the QUOTE.md output or error out.
 * Exit 2 for bad input; anything else is a bug and is rethrown.
 */
export function quoteJsonText(text: string): QuoteCommandResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { exitCode: 2, body: errorBody(new PricingError("invalid-json", `input is not valid JSON: ${reason}`)) };
  }
  try {
    return { exitCode: 0, body: quoteMonth(parseQuoteInput(raw)) };
  } catch (error) {
    if (error instanceof PricingError) return { exitCode: 2, body: errorBody(error) };
    throw error;
  }
}
