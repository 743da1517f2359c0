import { PricingError } from "@/lib/pricing/errors";
import { packSpecById } from "@/lib/pricing/catalog/packs";
import { parseQuoteInput, type QuoteInput } from "@/lib/pricing/quote/schema";
import { quoteMonth, type Quote } from "@/lib/pricing/quote/quote-month";
import { adviseQuote, type Advice } from "./advice";
import { toCalculatorError, type CalculatorError } from "./errors";
import { formToQuoteInput, type CalculatorForm } from "./form";

export type Calculation =
  | { readonly ok: true; readonly input: QuoteInput; readonly quote: Quote; readonly advice: readonly Advice[] }
  | { readonly ok: false; readonly error: CalculatorError };

/**
 * quoteMonth draws bought packs one by one; the calculator runs on every keystroke in the
 * browser, so it prices at most this many packs in one purchase line.
 */
export const MAX_PACKS_PER_PURCHASE = 10_000;

function checkCalculatorLimits(input: QuoteInput): void {
  (input.purchases ?? []).forEach((purchase, index) => {
    if (packSpecById(purchase.item) && purchase.quantity > MAX_PACKS_PER_PURCHASE) {
      throw new PricingError(
        "invalid-count",
        `purchases[${index}].quantity: the calculator prices at most ${MAX_PACKS_PER_PURCHASE} packs in one purchase, got ${purchase.quantity}`,
      );
    }
  });
}

/** The bill and advice for a form, or the first problem with it (never throws). */
export function calculate(form: CalculatorForm): Calculation {
  try {
    const input = parseQuoteInput(formToQuoteInput(form));
    checkCalculatorLimits(input);
    const quote = quoteMonth(input);
    return { ok: true, input, quote, advice: adviseQuote(input, quote) };
  } catch (error) {
    return { ok: false, error: toCalculatorError(error) };
  }
}
