"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import type { PasswordFormState } from "@/components/auth/password-form";
import { defineAction } from "@/lib/actions/define";
import { signIn } from "@/lib/auth";
import { ValidationError } from "@/lib/context";
import { changePassword } from "@/lib/identity/change-password";
import { changePasswordInput } from "@/lib/identity/schemas";

/**
 * A staff member replaces the one-time password from `ops create-staff` (issue 10): the customer
 * flow's service (proves the current password, clears the flag, bumps the session version, audits),
 * then this browser signs in again with the new password. The only staff action allowed before it.
 */
export const changeStaffPasswordAction = defineAction({
  name: "staff-password#changeStaffPasswordAction",
  audience: "staff",
  writes: true,
  allowedBeforePasswordChange: true,
  input: changePasswordInput,
  from: (_prev: PasswordFormState, formData: FormData) => ({ currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword") }),
  invalid: (field) => ({ error: "invalid-field", field }),
  fail: ({ error, field }): PasswordFormState => {
    if (field === "currentPassword") return { fieldErrors: { currentPassword: { error: error === "wrong-current-password" ? "errors.wrong-current-password" : "auth.error.passwordRequired" } } };
    if (field === "newPassword") return { fieldErrors: { newPassword: { error: error === "same-password" ? "staff.password.same" : "auth.error.password" } } };
    return { error };
  },
  run: async ({ ctx, input }): Promise<PasswordFormState> => {
    if (input.newPassword === input.currentPassword) throw new ValidationError("newPassword", "same-password");
    const { email } = await changePassword({ ctx, input });
    // Every session ended, this one included: sign this browser in again with the new password.
    try {
      await signIn("staff", { email, password: input.newPassword, redirectTo: "/staff" });
    } catch (error) {
      unstable_rethrow(error);
      redirect("/staff/sign-in");
    }
    return {};
  },
});
