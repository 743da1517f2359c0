"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import type { PasswordFormState } from "@/components/auth/password-form";
import { runService } from "@/lib/actions/run";
import { signIn } from "@/lib/auth";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { changePassword } from "@/lib/identity/change-password";
import { changePasswordInput } from "@/lib/identity/schemas";

export async function changePasswordAction(_prev: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  const customer = await requireCustomer("/change-password");
  const parsed = changePasswordInput.safeParse({ currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword") });
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    return {
      fieldErrors: {
        ...(fields.has("currentPassword") ? { currentPassword: "auth.error.passwordRequired" as const } : {}),
        ...(fields.has("newPassword") ? { newPassword: "auth.error.password" as const } : {}),
      },
    };
  }
  const ctx = await customerContext(customer);
  const result = await runService(() => changePassword({ ctx, input: parsed.data }));
  if (!result.ok) return result.field === "currentPassword" ? { fieldErrors: { currentPassword: "errors.wrong-current-password" } } : { error: result.error };
  // Every session ended, this one included: sign this browser in again with the new password.
  try {
    await signIn("customer", { email: result.value.email, password: parsed.data.newPassword, redirectTo: "/change-password?changed=1" });
  } catch (error) {
    unstable_rethrow(error);
    redirect("/sign-in");
  }
  return {};
}
