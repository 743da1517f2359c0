"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define";
import { startOfflineSdkTrial, startScanSdkTrial } from "@/lib/quota/licences";
import { quotaFailed, type QuotaFormState } from "@/components/quota/form-state";
import { declineLicenceQuote, declineQuoteInput } from "@/lib/quota/licence-quotes";
import { licenceAutoRenewInput, setLicenceAutoRenew } from "@/lib/purchases/licence-auto-renew";
import { requestFormalLicence } from "@/lib/quota/requests";
import { formalLicenceInput, offlineTrialInput, scanSdkTrialInput } from "@/lib/quota/schemas";

function done(): QuotaFormState {
  revalidatePath("/sdk");
  return { done: true };
}

export const scanTrialAction = defineAction({
  name: "sdk#scanTrialAction",
  audience: "customer",
  writes: true,
  input: scanSdkTrialInput,
  from: (_prev: QuotaFormState, formData: FormData) => ({
    app: { name: formData.get("appName"), iosBundleId: formData.get("iosBundleId"), androidPackage: formData.get("androidPackage") },
  }),
  invalid: () => ({ error: "invalid-app" }),
  fail: quotaFailed,
  run: async ({ ctx, input }) => {
    await startScanSdkTrial({ ctx, input });
    return done();
  },
});

export const offlineTrialAction = defineAction({
  name: "sdk#offlineTrialAction",
  audience: "customer",
  writes: true,
  input: offlineTrialInput,
  from: (_prev: QuotaFormState, formData: FormData) => ({
    deviceIds: String(formData.get("deviceIds") ?? "")
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter(Boolean),
  }),
  invalid: () => ({ error: "invalid-devices" }),
  fail: quotaFailed,
  run: async ({ ctx, input }) => {
    await startOfflineSdkTrial({ ctx, input });
    return done();
  },
});

export const formalLicenceAction = defineAction({
  name: "sdk#formalLicenceAction",
  audience: "customer",
  writes: true,
  input: formalLicenceInput,
  from: (_prev: QuotaFormState, formData: FormData) => ({ packageName: formData.get("packageName"), years: formData.get("years") ?? 1, note: formData.get("note") ?? "" }),
  invalid: () => ({ error: "invalid-package" }),
  fail: quotaFailed,
  run: async ({ ctx, input }) => {
    await requestFormalLicence({ ctx, input });
    return done();
  },
});

/** The customer declines support's quote for a formal licence (their own quote only: the service scopes it). */
export const declineQuoteAction = defineAction({
  name: "sdk#declineQuoteAction",
  audience: "customer",
  writes: true,
  input: declineQuoteInput,
  from: (_prev: QuotaFormState, formData: FormData) => ({ quoteId: formData.get("quoteId") }),
  invalid: () => ({ error: "quote-not-found" }),
  fail: quotaFailed,
  run: async ({ ctx, input }) => {
    await declineLicenceQuote({ ctx, input });
    return done();
  },
});

/** Issue 22: turns auto-renew on or off for one formal offline-SDK licence of the account (the service checks it is the account's). */
export const autoRenewAction = defineAction({
  name: "sdk#autoRenewAction",
  audience: "customer",
  writes: true,
  input: licenceAutoRenewInput,
  from: (_prev: QuotaFormState, formData: FormData) => ({ licenceId: formData.get("licenceId"), on: formData.get("on") }),
  invalid: () => ({ error: "invalid-input" }),
  fail: quotaFailed,
  run: async ({ ctx, input }) => {
    await setLicenceAutoRenew({ ctx, input });
    return done();
  },
});
