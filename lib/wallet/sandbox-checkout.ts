import "server-only";
import { z } from "zod";
import { NotFoundError, type ServiceContext } from "@/lib/context";
import { assertCanWrite } from "@/lib/context/access";
import { formatMoney } from "@/lib/pricing";
import { sandboxPaymentsEnabled } from "./providers/config";
import { SANDBOX_PROVIDER_ID, sandboxProviderOrderId } from "./providers/sandbox";
import { confirmTopUp, findTopUpOrder } from "./top-up";

export const sandboxOrderInput = z.object({ orderId: z.uuid() });

type TopUpOrder = NonNullable<Awaited<ReturnType<typeof findTopUpOrder>>>;

/**
 * The sandbox order a signed-in customer may see: their own, with the sandbox on. Everything else
 * (sandbox off, anonymous, staff, another account's order, a malformed id) is the same not-found,
 * so the page reveals nothing about orders that are not the caller's.
 */
export async function openSandboxOrder({ ctx, input }: { ctx: ServiceContext; input: { orderId: string } }): Promise<TopUpOrder> {
  const notFound = new NotFoundError("top-up-not-found");
  if (!sandboxPaymentsEnabled() || ctx.actor.type !== "customer") throw notFound;
  const parsed = sandboxOrderInput.safeParse(input);
  if (!parsed.success) throw notFound;
  const order = await findTopUpOrder(ctx, parsed.data.orderId);
  if (!order || order.accountId !== ctx.actor.accountId || order.provider !== SANDBOX_PROVIDER_ID) throw notFound;
  return order;
}

/**
 * The customer pressed Pay on the sandbox page. The sandbox confirms in-process, through the same
 * `confirmTopUp` a provider's verified callback reaches, acting as that customer so the audit row
 * names who pressed Pay. It never calls back over HTTP to a URL built from the request (a spoofed
 * Host header would make the server send a validly signed notice to the caller's host).
 */
export async function paySandboxOrder({ ctx, input }: { ctx: ServiceContext; input: { orderId: string } }): Promise<{ orderId: string; credited: boolean }> {
  const order = await openSandboxOrder({ ctx, input });
  assertCanWrite(ctx.actor);
  return confirmTopUp({
    ctx,
    providerId: SANDBOX_PROVIDER_ID,
    notice: { orderId: order.id, providerOrderId: sandboxProviderOrderId(order.id), amount: formatMoney(order.amount), status: "paid" },
  });
}
