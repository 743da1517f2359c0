"use client";

import type { SelectHTMLAttributes } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { inputClass } from "@/components/ui/field";
import { API_IDS } from "@/lib/pricing/catalog/products";
import { PACKS } from "@/lib/pricing/catalog/packs";
import { formatCount, formatYuan } from "@/lib/pricing/format";
import { apiName } from "./labels";

const APIS_WITH_PACKS = API_IDS.filter((api) => PACKS.some((pack) => pack.api === api));

/** Every pack sold (SPEC §2.4), grouped by API. */
export function PackSelect(props: Omit<SelectHTMLAttributes<HTMLSelectElement>, "children">) {
  const { t } = useI18n();
  return (
    <select className={inputClass} {...props}>
      {APIS_WITH_PACKS.map((api) => (
        <optgroup key={api} label={apiName(t, api)}>
          {PACKS.filter((pack) => pack.api === api).map((pack) => (
            <option key={pack.id} value={pack.id}>
              {`${apiName(t, api)} · ${formatCount(pack.calls)} · ${formatYuan(pack.price)}`}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** The pack a new row starts with: one for the first API with calls entered that sells packs. */
export function suggestedPackId(usage: Readonly<Partial<Record<string, string>>>): string {
  const api = APIS_WITH_PACKS.find((id) => (usage[id] ?? "").trim() !== "");
  const pack = PACKS.find((spec) => spec.api === (api ?? APIS_WITH_PACKS[0]));
  return pack?.id ?? "";
}
