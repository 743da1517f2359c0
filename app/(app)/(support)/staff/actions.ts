"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, optionalField } from "@/lib/actions/define";
import { isCalendarDay } from "@/lib/params/calendar";
import { approveAdjustment, rejectAdjustment, requestAdjustment } from "@/lib/support/bill-adjustments";
import { goodwillCredit } from "@/lib/support/goodwill";
import { startSupportView, startViewInput, stopSupportView } from "@/lib/support/impersonation";
import { quoteLicence } from "@/lib/support/licence-quote";
import { approveQpsRequest, declineQpsRequest } from "@/lib/support/qps-review";
import { approveRefund, rejectRefund } from "@/lib/support/refund-review";
import type { StaffTool } from "@/lib/support/staff-tool";
import { liftViolation, markViolation } from "@/lib/support/violation";
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

export interface StaffToolState extends StaffFormState {
  done?: boolean;
}

/** One staff tool as a form action: roles and input schema come from the tool (declared once). */
function toolAction<S extends z.ZodType, R>(name: string, tool: StaffTool<S, R>, fields: readonly string[], map: (raw: Record<string, unknown>) => Record<string, unknown> = (raw) => raw) {
  return defineAction({
    name,
    audience: "staff",
    writes: true,
    roles: tool.roles,
    input: tool.input,
    from: (_prev: StaffToolState, formData: FormData) => map(Object.fromEntries(fields.map((f) => [f, formData.get(f) ?? undefined]))),
    fail: failed,
    run: async ({ ctx, input }): Promise<StaffToolState> => {
      await tool({ ctx, input: input as z.input<S> });
      revalidatePath("/staff", "layout");
      return { done: true };
    },
  });
}

export const approveRefundAction = toolAction("staff#approveRefundAction", approveRefund, ["refundId"]);
export const rejectRefundAction = toolAction("staff#rejectRefundAction", rejectRefund, ["refundId", "reason"]);
// A date on the billing calendar: midnight in Asia/Shanghai.
export const approveQpsAction = toolAction("staff#approveQpsAction", approveQpsRequest, ["requestId", "appliesFrom"], (raw) => ({
  ...raw,
  // A real calendar day (lib/params/calendar: 2026-02-30 is not silently 2026-03-02); the service checks the range.
  appliesFrom: typeof raw.appliesFrom === "string" && isCalendarDay(raw.appliesFrom) ? `${raw.appliesFrom}T00:00:00+08:00` : "invalid",
}));
export const declineQpsAction = toolAction("staff#declineQpsAction", declineQpsRequest, ["requestId", "reason"]);
export const markViolationAction = toolAction("staff#markViolationAction", markViolation, ["accountId", "reason"]);
export const liftViolationAction = toolAction("staff#liftViolationAction", liftViolation, ["accountId", "reason"]);
export const goodwillCreditAction = toolAction("staff#goodwillCreditAction", goodwillCredit, ["accountId", "amount", "reason"]);
export const quoteLicenceAction = toolAction("staff#quoteLicenceAction", quoteLicence, ["requestId", "price", "years"]);
// Issue 22 part 2: the form's one "bill or line" choice is `<billId>` or `<billId>:<line position>`.
export const requestAdjustmentAction = toolAction("staff#requestAdjustmentAction", requestAdjustment, ["accountId", "target", "amount", "reason", "ticketRef"], ({ target, ...raw }) => {
  const match = typeof target === "string" ? /^([0-9a-f-]{36})(?::(\d{1,5}))?$/.exec(target) : null;
  return { ...raw, billId: match?.[1] ?? "invalid", line: match?.[2] !== undefined ? Number(match[2]) : null };
});
export const approveAdjustmentAction = toolAction("staff#approveAdjustmentAction", approveAdjustment, ["adjustmentId"]);
export const rejectAdjustmentAction = toolAction("staff#rejectAdjustmentAction", rejectAdjustment, ["adjustmentId", "reason"]);
