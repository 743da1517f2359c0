"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define";
import { isCalendarDay } from "@/lib/params/calendar";
import { qpsAutoRenewInput, setQpsAutoRenew } from "@/lib/purchases/auto-renew";
import { switchQpsMode } from "@/lib/quota/mode";
import { requestQpsIncrease } from "@/lib/quota/requests";
import { qpsIncreaseInput, qpsModeInput } from "@/lib/quota/schemas";
import { quotaFailed, type QuotaFormState } from "@/components/quota/form-state";

export const switchModeAction = defineAction({
  name: "qps#switchModeAction",
  audience: "customer",
  writes: true,
  input: qpsModeInput,
  from: (_prev: QuotaFormState, formData: FormData) => ({ group: formData.get("group"), mode: formData.get("mode") }),
  invalid: () => ({ error: "invalid-input" }),
  fail: quotaFailed,
  run: async ({ ctx, input }): Promise<QuotaFormState> => {
    await switchQpsMode({ ctx, input });
    revalidatePath("/qps");
    return { done: true };
  },
});

export const requestMoreQpsAction = defineAction({
  name: "qps#requestMoreQpsAction",
  audience: "customer",
  writes: true,
  input: qpsIncreaseInput,
  from: (_prev: QuotaFormState, formData: FormData) => {
    const neededBy = String(formData.get("neededBy") ?? "");
    return {
      group: formData.get("group"),
      totalQps: formData.get("totalQps"),
      // A date on the billing calendar: midnight in Asia/Shanghai.
      // A real calendar day (lib/params/calendar: 2026-02-30 is not silently 2026-03-02); the service checks the range.
      neededBy: isCalendarDay(neededBy) ? `${neededBy}T00:00:00+08:00` : "",
      note: formData.get("note") ?? "",
    };
  },
  invalid: () => ({ error: "invalid-qps-request" }),
  fail: quotaFailed,
  run: async ({ ctx, input }): Promise<QuotaFormState> => {
    await requestQpsIncrease({ ctx, input });
    revalidatePath("/qps");
    return { done: true };
  },
});

/** Issue 22: turns auto-renew on or off for one monthly QPS grant of the account (the service checks it is the account's). */
export const autoRenewAction = defineAction({
  name: "qps#autoRenewAction",
  audience: "customer",
  writes: true,
  input: qpsAutoRenewInput,
  from: (_prev: QuotaFormState, formData: FormData) => ({ grantId: formData.get("grantId"), on: formData.get("on") }),
  invalid: () => ({ error: "invalid-input" }),
  fail: quotaFailed,
  run: async ({ ctx, input }): Promise<QuotaFormState> => {
    await setQpsAutoRenew({ ctx, input });
    revalidatePath("/qps");
    return { done: true };
  },
});
