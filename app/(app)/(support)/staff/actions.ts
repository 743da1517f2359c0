"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, optionalField, type Failure } from "@/lib/actions/define";
import type { FormState } from "@/lib/actions/form-state";
import { isCalendarDay } from "@/lib/params/calendar";
import { approveAdjustment, rejectAdjustment, requestAdjustment } from "@/lib/support/bill-adjustments";
import { goodwillCredit } from "@/lib/support/goodwill";
import { startSupportView, startViewInput } from "@/lib/support/impersonation";
import { quoteLicence } from "@/lib/support/licence-quote";
import { approveQpsRequest, declineQpsRequest } from "@/lib/support/qps-review";
import { approveRefund, rejectRefund } from "@/lib/support/refund-review";
import { assignBankTransfer } from "@/lib/support/bank-transfer-assign";
import { confirmReversal, issueInvoice, rejectInvoice } from "@/lib/support/invoice-review";
import type { StaffTool } from "@/lib/support/staff-tool";
import { liftViolation, markViolation } from "@/lib/support/violation";
import { requestOrigin, setSupportViewCookie } from "@/lib/support/view-cookie";

/** A refusal, each field's rule and what was typed (lib/actions/form-state.ts). */
export type StaffFormState = FormState;

function failed({ error, field, params, fieldErrors }: Failure): StaffFormState {
  return { error, field, params, fieldErrors };
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

export interface StaffToolState extends StaffFormState {
  done?: boolean;
}

/**
 * One staff tool as a form action: roles and input schema come from the tool (declared once). `rules`
 * names a field's rule where zod's own would only say "check this field" (an amount's format).
 */
function toolAction<S extends z.ZodType, R>(
  name: string,
  tool: StaffTool<S, R>,
  fields: readonly string[],
  map: (raw: Record<string, unknown>) => Record<string, unknown> = (raw) => raw,
  rules: Record<string, string> = {},
) {
  return defineAction({
    name,
    audience: "staff",
    writes: true,
    roles: tool.roles,
    input: tool.input,
    from: (_prev: StaffToolState, formData: FormData) => map(Object.fromEntries(fields.map((f) => [f, formData.get(f) ?? undefined]))),
    invalid: (path) => {
      const field = path.split(".")[0] ?? path;
      return { error: rules[field] ?? "invalid-field", field };
    },
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
export const approveQpsAction = toolAction(
  "staff#approveQpsAction",
  approveQpsRequest,
  ["requestId", "appliesFrom"],
  (raw) => ({
  ...raw,
  // A real calendar day (lib/params/calendar: 2026-02-30 is not silently 2026-03-02); the service checks the range.
  appliesFrom: typeof raw.appliesFrom === "string" && isCalendarDay(raw.appliesFrom) ? `${raw.appliesFrom}T00:00:00+08:00` : "invalid",
  }),
  { appliesFrom: "invalid-date" },
);
export const declineQpsAction = toolAction("staff#declineQpsAction", declineQpsRequest, ["requestId", "reason"]);
export const markViolationAction = toolAction("staff#markViolationAction", markViolation, ["accountId", "reason"]);
export const liftViolationAction = toolAction("staff#liftViolationAction", liftViolation, ["accountId", "reason"]);
export const goodwillCreditAction = toolAction("staff#goodwillCreditAction", goodwillCredit, ["accountId", "amount", "reason"], undefined, { amount: "invalid-amount" });
export const quoteLicenceAction = toolAction("staff#quoteLicenceAction", quoteLicence, ["requestId", "price", "years"], undefined, { price: "invalid-amount" });
export const assignBankTransferAction = toolAction("staff#assignBankTransferAction", assignBankTransfer, ["lineId", "account", "reason"]);
export const rejectInvoiceAction = toolAction("staff#rejectInvoiceAction", rejectInvoice, ["invoiceId", "reason"]);
export const confirmReversalAction = toolAction("staff#confirmReversalAction", confirmReversal, ["invoiceId", "redInvoiceNumber"]);
/** Issue an invoice: the file comes as a File in the form data (its size is checked by the tool, ≤ 5 MB). */
export const issueInvoiceAction = toolAction("staff#issueInvoiceAction", issueInvoice, ["invoiceId", "invoiceNumber", "pdf"]);
// Issue 22 part 2: the form's one "bill or line" choice is `<billId>` or `<billId>:<line position>`.
export const requestAdjustmentAction = toolAction("staff#requestAdjustmentAction", requestAdjustment, ["accountId", "target", "amount", "reason", "ticketRef"], ({ target, ...raw }) => {
  const match = typeof target === "string" ? /^([0-9a-f-]{36})(?::(\d{1,5}))?$/.exec(target) : null;
  return { ...raw, billId: match?.[1] ?? "invalid", line: match?.[2] !== undefined ? Number(match[2]) : null };
});
export const approveAdjustmentAction = toolAction("staff#approveAdjustmentAction", approveAdjustment, ["adjustmentId"]);
export const rejectAdjustmentAction = toolAction("staff#rejectAdjustmentAction", rejectAdjustment, ["adjustmentId", "reason"]);
