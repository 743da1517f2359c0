import { itemName } from "@/lib/i18n/names";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing";
import { orderMethods, type OrderView } from "./list";

/** How an order was paid, by name (the page, the receipt and the CSV say the same). */
export function methodLabel(t: Translate, method: string): string {
  return (orderMethods as readonly string[]).includes(method) ? t(`orders.method.${method as (typeof orderMethods)[number]}`) : t("orders.method.other", { method });
}

/** What was ordered, by name: a top-up, or the catalog item's name. */
export function orderItemLabel(t: Translate, order: Pick<OrderView, "item" | "kind">): string {
  return order.item ? itemName(t, order.item) : t("orders.item.topUp");
}

/** A purchase's split over the balance's books, the parts that were used ("Voucher ¥10.00 · Cash ¥90.00"). */
export function splitLabel(t: Translate, paid: NonNullable<OrderView["paid"]>): string {
  const parts = (["voucher", "gift", "income", "cash"] as const).filter((book) => Number(paid[book]) !== 0).map((book) => t(`orders.split.${book}`, { amount: formatYuan(paid[book]) }));
  return parts.join(" · ");
}

export function statusTone(status: OrderView["status"]): "neutral" | "green" | "amber" | "red" | "blue" {
  return status === "paid" ? "green" : status === "pending" ? "amber" : status === "closed" ? "neutral" : "blue";
}
