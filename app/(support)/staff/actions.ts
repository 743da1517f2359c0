"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, optionalField } from "@/lib/actions/define";
import { startSupportView, startViewInput, stopSupportView } from "@/lib/support/impersonation";
import { clearSupportViewCookie, requestOrigin, setSupportViewCookie } from "@/lib/support/view-cookie";

export interface StaffFormState {
  error?: string;
  field?: string;
  params?: Record<string, string | number>;
}

function failed({ error, field, params }: { error: string; field?: string; params?: Record<string, string | number> }): StaffFormState {
  return { error, field, params };
}

/** "View as customer" (SPEC §8): support or admin, a written reason; opens the customer's console read-only. */
export const startSupportViewAction = defineAction({
  name: "staff#startSupportViewAction",
  audience: "staff",
  writes: true,
  roles: ["support", "admin"],
  input: startViewInput,
  from: (_prev: StaffFormState, formData: FormData) => ({
    accountId: formData.get("accountId"),
    reason: formData.get("reason") ?? "",
    ticketRef: optionalField(formData, "ticketRef"),
  }),
  invalid: (field) => ({ error: field === "reason" ? "support-reason" : "invalid-field", field }),
  fail: failed,
  run: async ({ ctx, input }): Promise<StaffFormState> => {
    const started = await startSupportView({ ctx, input, origin: await requestOrigin() });
    await setSupportViewCookie(started.id);
    redirect("/");
  },
});

/** "Stop viewing": the one write a support view may make. */
export const stopSupportViewAction = defineAction({
  name: "staff#stopSupportViewAction",
  audience: "staff",
  writes: true,
  allowedWhileViewing: true,
  input: z.object({}),
  from: (_prev: StaffFormState, _formData: FormData) => ({}),
  fail: failed,
  run: async ({ ctx, viewer }): Promise<StaffFormState> => {
    const accountId = viewer.kind === "impersonation" ? viewer.view.accountId : null;
    if (viewer.kind === "impersonation") await stopSupportView({ ctx, input: { sessionId: viewer.view.id } });
    await clearSupportViewCookie();
    redirect(accountId ? `/staff/accounts/${accountId}` : "/staff");
  },
});
