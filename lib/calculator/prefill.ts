import { isApiId } from "@/lib/pricing/catalog/products";
import { isMonth } from "@/lib/pricing/months";
import { packSpecById } from "@/lib/pricing/catalog/packs";
import { emptyForm, type CalculatorForm } from "./form";

/**
 * The calculator's form from a link (issue 13: advice opens the calculator with the account's own
 * numbers): `?month=YYYY-MM&api=<api>&calls=<n>[&pack=<pack id>&quantity=<n>]`. Anything not
 * recognised is left out, so a hand-edited link opens a usable calculator, never an error page.
 */
export function prefilledForm(params: Readonly<Record<string, string | string[] | undefined>>, currentMonth: string): CalculatorForm {
  const one = (key: string) => {
    const value = params[key];
    return typeof value === "string" ? value : undefined;
  };
  const month = one("month");
  const form = emptyForm(month && isMonth(month) ? month : currentMonth);
  const api = one("api");
  const calls = one("calls");
  const usage = api && isApiId(api) && calls && /^\d{1,12}$/.test(calls) ? { [api]: calls } : {};
  const pack = one("pack");
  const quantity = one("quantity") ?? "1";
  const purchases = pack && packSpecById(pack) && /^\d{1,5}$/.test(quantity) ? [{ key: 0, kind: "pack" as const, packId: pack, quantity }] : [];
  return { ...form, usage, purchases };
}
