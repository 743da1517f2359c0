"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { createApiKey, createApiKeyInput, revokeApiKey } from "@/lib/metering/api-keys";

export interface CreateKeyState {
  error?: string;
  params?: Record<string, string | number>;
  field?: string;
  /** The new key's secret: returned to this one response only (API.md §1: shown once). */
  created?: { name: string; secret: string };
}

export async function createApiKeyAction(_prev: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  const customer = await requireCustomer("/api-keys");
  const parsed = createApiKeyInput.safeParse({ name: formData.get("name") ?? "" });
  if (!parsed.success) return { error: "key-name", field: "name" };
  const ctx = await customerContext(customer);
  const result = await runService(() => createApiKey({ ctx, input: parsed.data }));
  if (!result.ok) return { error: result.error, params: result.params, field: result.field };
  revalidatePath("/api-keys");
  return { created: { name: result.value.key.name, secret: result.value.secret } };
}

const revokeInput = z.object({ keyId: z.uuid() });

export async function revokeApiKeyAction(keyId: string): Promise<{ ok: boolean; error?: string }> {
  const customer = await requireCustomer("/api-keys");
  const parsed = revokeInput.safeParse({ keyId });
  if (!parsed.success) return { ok: false, error: "api-key-not-found" };
  const ctx = await customerContext(customer);
  const result = await runService(() => revokeApiKey({ ctx, input: parsed.data }));
  revalidatePath("/api-keys");
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}
