"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { revokeSupportView } from "@/lib/support/impersonation";

/** The customer ends a support view of their account at once (issue 10 "Revoke access"). */
export const revokeSupportViewAction = defineAction({
  name: "security#revokeSupportViewAction",
  audience: "customer",
  writes: true,
  input: z.object({ sessionId: z.uuid() }),
  from: (_prev: { error?: string }, formData: FormData) => ({ sessionId: formData.get("sessionId") }),
  invalid: () => ({ error: "support-view-not-found" }),
  fail: ({ error }): { error?: string } => ({ error }),
  run: async ({ ctx, input }): Promise<{ error?: string }> => {
    await revokeSupportView({ ctx, input });
    revalidatePath("/security");
    return {};
  },
});
