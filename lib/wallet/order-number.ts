import { shanghaiDay } from "@/lib/pricing";

/**
 * The number a customer reads for an order — on Orders, its receipt, Balance and a bill's statement:
 * `TU-YYYYMMDD-XXXXXXXX` for a top-up, `PO-…` for a purchase; the Beijing day the order was made and
 * the first 8 hex digits of its id. One function, so every page shows the same number.
 */
export function orderNumber(kind: "top-up" | "purchase", id: string, createdAt: Date): string {
  const day = shanghaiDay(createdAt).replaceAll("-", "");
  return `${kind === "top-up" ? "TU" : "PO"}-${day}-${id.replaceAll("-", "").slice(0, 8).toUpperCase()}`;
}
