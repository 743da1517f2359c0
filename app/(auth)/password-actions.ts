"use server";

import { redirect } from "next/navigation";
import type { PasswordFormState } from "@/components/auth/password-form";
import { getDb } from "@/db";
import { runService } from "@/lib/actions/run";
import { appUrl } from "@/lib/auth/app-url";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { now } from "@/lib/clock";
import { requestPasswordReset, resetPassword } from "@/lib/identity/password-reset";
import { forgotPasswordInput, resetPasswordInput } from "@/lib/identity/schemas";

async function anonymousContext() {
  return { db: await getDb(), actor: { type: "anonymous" as const }, now: now() };
}

export async function forgotPasswordAction(_prev: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  const parsed = forgotPasswordInput.safeParse({ email: formData.get("email") });
  if (!parsed.success) return { fieldErrors: { email: "auth.error.email" } };
  const { link } = await requestPasswordReset({ ctx: await anonymousContext(), input: parsed.data, secret: resolveAuthSecret(), appUrl: appUrl() });
  // The embedded default has no mail server: the link goes to the server log, where its operator reads it.
  if (link && !process.env.SMTP_URL && !process.env.DATABASE_URL) console.info(`[password-reset] SMTP_URL is not set; reset link for ${parsed.data.email}: ${link}`);
  // The same answer whether or not the email has an account.
  return { notice: "password.forgot.sent", noticeParams: { email: parsed.data.email } };
}

export async function resetPasswordAction(_prev: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  const parsed = resetPasswordInput.safeParse({ token: formData.get("token"), newPassword: formData.get("newPassword") });
  if (!parsed.success) {
    const badPassword = parsed.error.issues.some((issue) => issue.path[0] === "newPassword");
    return badPassword ? { fieldErrors: { newPassword: "auth.error.password" } } : { error: "reset-link-invalid" };
  }
  const ctx = await anonymousContext();
  const result = await runService(() => resetPassword({ ctx, input: parsed.data, secret: resolveAuthSecret() }));
  if (!result.ok) return { error: result.error };
  redirect("/sign-in?reset=1");
}
