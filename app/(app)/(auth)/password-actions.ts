"use server";

import { redirect } from "next/navigation";
import type { PasswordFormState } from "@/components/auth/password-form";
import { defineAction } from "@/lib/actions/define";
import { appUrl } from "@/lib/security/app-url";
import { resolveAuthSecret } from "@/lib/security/secret";
import { requestPasswordReset, resetPassword } from "@/lib/identity/password-reset";
import { forgotPasswordInput, resetPasswordInput } from "@/lib/identity/schemas";

/** Public: asked for while signed out. The same answer whether or not the email has an account. */
export const forgotPasswordAction = defineAction({
  name: "password#forgotPasswordAction",
  audience: "public",
  writes: true,
  input: forgotPasswordInput,
  from: (_prev: PasswordFormState, formData: FormData) => ({ email: formData.get("email") }),
  invalid: () => ({ error: "auth.error.email", field: "email" }),
  fail: ({ error, field }): PasswordFormState => (field === "email" ? { fieldErrors: { email: { error: "auth.error.email" } } } : { error }),
  run: async ({ ctx, input }): Promise<PasswordFormState> => {
    const { link } = await requestPasswordReset({ ctx, input, secret: resolveAuthSecret(), appUrl: appUrl() });
    // The embedded default has no mail server: the link goes to the server log, where its operator reads it.
    if (link && !process.env.SMTP_URL && !process.env.DATABASE_URL) console.info(`[password-reset] SMTP_URL is not set; reset link for ${input.email}: ${link}`);
    return { notice: "password.forgot.sent", noticeParams: { email: input.email } };
  },
});

/** Public: the signed, single-use link is the credential. */
export const resetPasswordAction = defineAction({
  name: "password#resetPasswordAction",
  audience: "public",
  writes: true,
  input: resetPasswordInput,
  from: (_prev: PasswordFormState, formData: FormData) => ({ token: formData.get("token"), newPassword: formData.get("newPassword") }),
  invalid: (field) => (field.startsWith("newPassword") ? { error: "auth.error.password", field: "newPassword" } : { error: "reset-link-invalid" }),
  fail: ({ error, field }): PasswordFormState => (field === "newPassword" ? { fieldErrors: { newPassword: { error: "auth.error.password" } } } : { error }),
  run: async ({ ctx, input }): Promise<PasswordFormState> => {
    await resetPassword({ ctx, input, secret: resolveAuthSecret() });
    redirect("/sign-in?reset=1");
  },
});
