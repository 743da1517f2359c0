"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/run";
import { defineAction, type Failure } from "@/lib/actions/define";
import { markRead } from "@/lib/messaging/inbox";
import { subscriptionInput, updateSubscription } from "@/lib/messaging/subscriptions";

function failed<T>({ error, params, field }: Failure): ActionResult<T> {
  return { ok: false, error, params, field };
}

export const markReadAction = defineAction({
  name: "messages#markReadAction",
  audience: "customer",
  writes: true,
  input: z.object({ ids: z.array(z.number().int().positive()).max(500) }),
  from: (ids: number[]) => ({ ids }),
  invalid: () => ({ error: "invalid-field", field: "ids" }),
  fail: failed<number>,
  run: async ({ ctx, input }): Promise<ActionResult<number>> => {
    const value = await markRead({ ctx, input });
    revalidatePath("/", "layout");
    return { ok: true, value };
  },
});

export const updateSubscriptionAction = defineAction({
  name: "messages#updateSubscriptionAction",
  audience: "customer",
  writes: true,
  input: subscriptionInput,
  from: (raw: unknown) => raw,
  invalid: (field) => ({ error: field === "target" ? "subscription-target" : "invalid-field", field }),
  fail: failed<null>,
  run: async ({ ctx, input }): Promise<ActionResult<null>> => {
    await updateSubscription({ ctx, input });
    revalidatePath("/messages/subscriptions");
    return { ok: true, value: null };
  },
});
