"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CreateKeyState } from "@/components/metering/create-key-form";
import { defineAction } from "@/lib/actions/define";
import { createApiKey, createApiKeyInput, revokeApiKey } from "@/lib/metering/api-keys";

export const createApiKeyAction = defineAction({
  name: "api-keys#createApiKeyAction",
  audience: "customer",
  writes: true,
  input: createApiKeyInput,
  // No scope ticked sends none: the key must name at least one (zod refuses an empty list).
  from: (_prev: CreateKeyState, formData: FormData) => ({ name: formData.get("name") ?? "", scopes: formData.getAll("scopes") }),
  invalid: (field) => (field.startsWith("scopes") ? { error: "scopes-required", field: "scopes" } : { error: "key-name", field: "name" }),
  fail: ({ error, params, field }): CreateKeyState => ({ error, params, field }),
  run: async ({ ctx, input }): Promise<CreateKeyState> => {
    const result = await createApiKey({ ctx, input });
    revalidatePath("/api-keys");
    return { created: { name: result.key.name, secret: result.secret } };
  },
});

export const revokeApiKeyAction = defineAction({
  name: "api-keys#revokeApiKeyAction",
  audience: "customer",
  writes: true,
  input: z.object({ keyId: z.uuid() }),
  from: (keyId: string) => ({ keyId }),
  invalid: () => ({ error: "api-key-not-found" }),
  fail: ({ error }): { ok: boolean; error?: string } => ({ ok: false, error }),
  run: async ({ ctx, input }): Promise<{ ok: boolean; error?: string }> => {
    await revokeApiKey({ ctx, input });
    revalidatePath("/api-keys");
    return { ok: true };
  },
});
