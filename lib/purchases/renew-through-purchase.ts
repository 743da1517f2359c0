import "server-only";
import { ServiceError, type ServiceContext } from "@/lib/context";
import type { MessageKind } from "@/lib/messaging/kinds";
import { notifyMany } from "@/lib/messaging/notify";
import { formatYuan } from "@/lib/pricing";
import { purchase } from "./purchase";
import type { PurchaseInput } from "./schemas";

/** One item due for auto-renewal (a monthly QPS grant, a yearly licence) and the messages that tell of it. */
export interface DueRenewal {
  accountId: string;
  /** The old item's id: the messages' dedupe keys, so each is sent once per item. */
  itemId: string;
  /** Where the new period starts: the old item's end. */
  endsAt: Date;
  input: PurchaseInput;
  messages: { renewed: MessageKind; failed: MessageKind };
  /** What both messages say of the item (group and QPS, or licence, app and years). */
  params: Record<string, string | number>;
  /** The renewed item's end, found by the purchase that bought it. */
  renewedUntil: (purchaseId: string) => Promise<Date | null>;
}

/**
 * Renews one item through the normal purchase path as the system (lib/pricing's or the quote's price,
 * paid from gift, income, cash; no voucher applied on the customer's behalf). The purchase's
 * idempotency key makes one period renew once however often run-due runs. A short balance charges
 * and delivers nothing and is said once; any other refusal (a product no longer active, the QPS cap)
 * charges nothing either and must not stop run-due.
 */
export async function renewThroughPurchase(ctx: ServiceContext, due: DueRenewal): Promise<"renewed" | "already" | "failed"> {
  const system = { ...ctx, actor: { type: "system" as const, reason: "auto-renew" } };
  try {
    const result = await purchase({ ctx: system, input: due.input, renewal: { accountId: due.accountId, startsAt: due.endsAt } });
    const until = (await due.renewedUntil(result.purchaseId)) ?? due.endsAt;
    // Sent once (its key); a run that finds the renewal already bought still sends it if a crash lost it.
    await notifyMany(ctx, [
      { accountId: due.accountId, kind: due.messages.renewed, product: "body", params: { ...due.params, price: formatYuan(result.amount), until: until.toISOString() }, dedupeKey: `${due.messages.renewed}:${due.itemId}` },
    ]);
    return result.duplicate ? "already" : "renewed";
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.code === "insufficient-balance") {
      const p = error.params;
      await notifyMany(ctx, [
        {
          accountId: due.accountId,
          kind: due.messages.failed,
          product: "body",
          params: { ...due.params, price: String(p.needed ?? ""), available: String(p.available ?? ""), shortfall: String(p.shortfall ?? ""), until: due.endsAt.toISOString() },
          dedupeKey: `${due.messages.failed}:${due.itemId}`,
        },
      ]);
    }
    return "failed";
  }
}
