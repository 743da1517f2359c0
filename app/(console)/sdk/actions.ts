"use server";

import { revalidatePath } from "next/cache";
import type { QuotaFormState } from "@/app/(console)/qps/actions";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { startOfflineSdkTrial, startScanSdkTrial } from "@/lib/quota/licences";
import { requestFormalLicence } from "@/lib/quota/requests";
import { formalLicenceInput, offlineTrialInput, scanSdkTrialInput } from "@/lib/quota/schemas";

async function run(work: (ctx: Awaited<ReturnType<typeof customerContext>>) => Promise<unknown>): Promise<QuotaFormState> {
  const customer = await requireCustomer("/sdk");
  const ctx = await customerContext(customer);
  const result = await runService(() => work(ctx));
  if (!result.ok) return { error: result.error, params: result.params };
  revalidatePath("/sdk");
  return { done: true };
}

export async function scanTrialAction(_prev: QuotaFormState, formData: FormData): Promise<QuotaFormState> {
  const parsed = scanSdkTrialInput.safeParse({
    app: { name: formData.get("appName"), iosBundleId: formData.get("iosBundleId"), androidPackage: formData.get("androidPackage") },
  });
  if (!parsed.success) return { error: "invalid-app" };
  return run((ctx) => startScanSdkTrial({ ctx, input: parsed.data }));
}

export async function offlineTrialAction(_prev: QuotaFormState, formData: FormData): Promise<QuotaFormState> {
  const deviceIds = String(formData.get("deviceIds") ?? "")
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  const parsed = offlineTrialInput.safeParse({ deviceIds });
  if (!parsed.success) return { error: "invalid-devices" };
  return run((ctx) => startOfflineSdkTrial({ ctx, input: parsed.data }));
}

export async function formalLicenceAction(_prev: QuotaFormState, formData: FormData): Promise<QuotaFormState> {
  const parsed = formalLicenceInput.safeParse({ packageName: formData.get("packageName"), years: formData.get("years") ?? 1, note: formData.get("note") ?? "" });
  if (!parsed.success) return { error: "invalid-package" };
  return run((ctx) => requestFormalLicence({ ctx, input: parsed.data }));
}
