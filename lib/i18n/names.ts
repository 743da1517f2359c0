// Submodules, not the pricing barrel: browser code reaches this file (client-imports.test.ts).
import { packSpecById } from "@/lib/pricing/catalog/packs";
import { isApiId } from "@/lib/pricing/catalog/products";
import { QPS_GROUP_IDS, qpsItemId } from "@/lib/pricing/catalog/qps";
import { formatYuan } from "@/lib/pricing/format";
import { formatCount } from "@/lib/pricing/money-text";
import type { Translate } from "./translate";

/**
 * The one naming function for what the catalog sells and meters: every page, message and receipt
 * shows these names, never the ids (an engineer's id may follow in small monospace).
 */
export function apiLabel(t: Translate, api: string): string {
  return isApiId(api) ? t(`api.${api}` as const) : api;
}

/** A purchase item id (`body.detection:10k`, `qps:body`, `scan.sdk`) as its name; an unknown id as is. */
export function itemName(t: Translate, item: string): string {
  const pack = packSpecById(item);
  if (pack) return t("item.pack", { api: apiLabel(t, pack.api), calls: formatCount(pack.calls) });
  if (QPS_GROUP_IDS.some((group) => qpsItemId(group) === item)) return t("item.qps");
  if (item === "scan.sdk") return t("item.sdk");
  if (item === "body.offline-sdk:formal") return t("item.offlineLicence");
  return item;
}

/** A pack as offered in a list: its name and its price. */
export function packOffer(t: Translate, packId: string): string {
  const pack = packSpecById(packId);
  return pack ? t("item.withPrice", { name: itemName(t, packId), price: formatYuan(pack.price) }) : packId;
}

