"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { runService, type ActionResult } from "@/lib/actions/run";
import { markRead } from "@/lib/messaging/inbox";
import { subscriptionInput, updateSubscription } from "@/lib/messaging/subscriptions";

const markReadInput = z.object({ ids: z.array(z.number().int().positive()).max(500) });

export async function markReadAction(ids: number[]): Promise<ActionResult<number>> {
  const customer = await requireCustomer("/messages");
  const parsed = markReadInput.safeParse({ ids });
  if (!parsed.success) return { ok: false, error: "invalid-field", field: "ids" };
  const result = await runService(async () => markRead({ ctx: await customerContext(customer), input: parsed.data }));
  revalidatePath("/", "layout");
  return result;
}

export async function updateSubscriptionAction(raw: unknown): Promise<ActionResult<null>> {
  const customer = await requireCustomer("/messages/subscriptions");
  const parsed = subscriptionInput.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    return { ok: false, error: field === "target" ? "subscription-target" : "invalid-field", field };
  }
  const result = await runService(async () => {
    await updateSubscription({ ctx: await customerContext(customer), input: parsed.data });
    return null;
  });
  revalidatePath("/messages/subscriptions");
  return result;
}
