"use server";

import { revalidatePath } from "next/cache";
import type { ProfileState } from "@/components/profile/profile-form";
import { defineAction } from "@/lib/actions/define";
import { profileInput, updateProfile } from "@/lib/profile/profile";

export const updateProfileAction = defineAction({
  name: "profile#updateProfileAction",
  audience: "customer",
  writes: true,
  input: profileInput,
  from: (_prev: ProfileState, formData: FormData) => ({ companyName: String(formData.get("companyName") ?? ""), contactPhone: String(formData.get("contactPhone") ?? "") }),
  invalid: (field) => {
    const name = field.split(".")[0] || "companyName";
    return { error: name === "contactPhone" ? "profile-phone" : "profile-company", field: name };
  },
  fail: ({ error, field }): ProfileState => ({ error, field }),
  run: async ({ ctx, input }): Promise<ProfileState> => {
    await updateProfile({ ctx, input });
    revalidatePath("/", "layout");
    return { saved: true };
  },
});
