import { Button } from "@/components/ui/button";
import { inputClass, SelectField } from "@/components/ui/field";
import { SelectedOptionText } from "@/components/ui/selected-option-text";
import type { Translate } from "@/lib/i18n/translate";
import { apiLabel, packOffer } from "@/lib/i18n/names";
import { apiById, PACKS, type ProductId } from "@/lib/pricing";

/** Picks a catalog pack and a quantity, then goes to checkout (a GET: nothing is charged here). */
export function BuyPacksForm({ t, products }: { t: Translate; products: ProductId[] }) {
  const offered = PACKS.filter((pack) => products.includes(apiById(pack.api).product));
  const apis = [...new Set(offered.map((pack) => pack.api))];
  return (
    <form action="/checkout" method="get" className="grid gap-3 sm:grid-cols-[1fr_8rem_auto] sm:items-end">
      <SelectField label={t("packs.buy.pack")} id="buy-item" name="item" required>
        {apis.map((api) => (
          <optgroup key={api} label={apiLabel(t, api)}>
            {offered
              .filter((pack) => pack.api === api)
              .map((pack) => (
                <option key={pack.id} value={pack.id}>
                  {packOffer(t, pack.id)}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <div className="sm:hidden">
        <SelectedOptionText selectId="buy-item" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="buy-quantity" className="block text-sm font-medium">
          {t("packs.buy.quantity")}
        </label>
        <input id="buy-quantity" name="quantity" type="number" min={1} max={100} defaultValue={1} className={inputClass} required />
      </div>
      <Button type="submit">{t("packs.buy.submit")}</Button>
      <p className="text-xs text-muted sm:col-span-3">{t("packs.buy.note")}</p>
    </form>
  );
}
