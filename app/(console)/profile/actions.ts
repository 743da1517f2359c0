"use server";

import { revalidatePath } from "next/cache";
import { runService } from "@/lib/actions/run";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { profileInput, updateProfile } from "@/lib/profile/profile";

export interface ProfileState {
  error?: string;
  field?: string;
  saved?: boolean;
}

export async function updateProfileAction(_prev: ProfileState, formData: FormData): Promise<ProfileState> {
  const customer = await requireCustomer("/profile");
  const parsed = profileInput.safeParse({ companyName: String(formData.get("companyName") ?? ""), contactPhone: String(formData.get("contactPhone") ?? "") });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "companyName");
    return { error: field === "contactPhone" ? "profile-phone" : "profile-company", field };
  }
  const result = await runService(async () => updateProfile({ ctx: await customerContext(customer), input: parsed.data }));
  if (!result.ok) return { error: result.error, field: result.field };
  revalidatePath("/", "layout");
  return { saved: true };
}
