"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, type Failure } from "@/lib/actions/define";
import type { FormState } from "@/lib/actions/form-state";
import { stopSupportView } from "@/lib/support/impersonation";
import { clearSupportViewCookie } from "@/lib/support/view-cookie";

/**
 * "Stop viewing": the one write a support view may make. Its own module because the console layout
 * shows it (the support view banner) on every page: in app/(app)/(support)/staff/actions.ts it
 * loaded every staff tool's service (refund review, invoices, bank transfers, adjustments …) into
 * each console page's server code, instantiated on the first console page a fresh server renders
 * (issue 19 item 11, docs/scaling.md "First views").
 */
export const stopSupportViewAction = defineAction({
  name: "staff#stopSupportViewAction",
  audience: "staff",
  writes: true,
  allowedWhileViewing: true,
  input: z.object({}),
  from: (_prev: FormState, _formData: FormData) => ({}),
  fail: ({ error, field, params, fieldErrors }: Failure): FormState => ({ error, field, params, fieldErrors }),
  run: async ({ ctx, viewer }): Promise<FormState> => {
    const accountId = viewer.kind === "impersonation" ? viewer.view.accountId : null;
    if (viewer.kind === "impersonation") await stopSupportView({ ctx, input: { sessionId: viewer.view.id } });
    await clearSupportViewCookie();
    redirect(accountId ? `/staff/accounts/${accountId}` : "/staff");
  },
});
