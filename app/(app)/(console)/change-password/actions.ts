"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import type { PasswordFormState } from "@/components/auth/password-form";
import { defineAction } from "@/lib/actions/define";
import { signIn } from "@/lib/auth";
import { changePassword } from "@/lib/identity/change-password";
import { changePasswordInput } from "@/lib/identity/schemas";

export const changePasswordAction = defineAction({
  name: "change-password#changePasswordAction",
  audience: "customer",
  writes: true,
  input: changePasswordInput,
  from: (_prev: PasswordFormState, formData: FormData) => ({ currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword") }),
  invalid: (field) => ({ error: field.startsWith("currentPassword") ? "auth.error.passwordRequired" : "auth.error.password", field: field.split(".")[0] }),
  fail: ({ error, field }): PasswordFormState => {
    if (field === "currentPassword" && error === "wrong-current-password") return { fieldErrors: { currentPassword: { error: "errors.wrong-current-password" } } };
    if (field === "currentPassword") return { fieldErrors: { currentPassword: { error: "auth.error.passwordRequired" } } };
    if (field === "newPassword") return { fieldErrors: { newPassword: { error: "auth.error.password" } } };
    return { error };
  },
  run: async ({ ctx, input }): Promise<PasswordFormState> => {
    const { email } = await changePassword({ ctx, input });
    // Every session ended, this one included: sign this browser in again with the new password.
    try {
      await signIn("customer", { email, password: input.newPassword, redirectTo: "/change-password?changed=1" });
    } catch (error) {
      unstable_rethrow(error);
      redirect("/sign-in");
    }
    return {};
  },
});
