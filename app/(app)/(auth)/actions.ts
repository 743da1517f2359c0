"use server";

import { AuthError } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import type { AuthFormState } from "@/components/auth/auth-form";
import { getDb } from "@/db";
import { signIn } from "@/lib/auth";
import { safeReturnPath } from "@/lib/auth/redirect-target";
import { now } from "@/lib/clock";
import { ServiceError } from "@/lib/context";
import { signInInput, signUpInput } from "@/lib/identity/schemas";
import { signUp } from "@/lib/identity/sign-up";
import { submittedValues, type FieldError } from "@/lib/actions/form-state";
import type { MessageKey } from "@/lib/i18n/translate";

// Each field's rule, in words (a catalog key, shown beside the field).
const fieldMessage: Record<string, MessageKey> = {
  email: "auth.error.email",
  password: "auth.error.password",
  company: "auth.error.company",
};

function fieldErrorsOf(issues: { path: PropertyKey[] }[], passwordKey: MessageKey = "auth.error.password"): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const issue of issues) {
    const field = String(issue.path[0]);
    if (field === "email" || field === "company") errors[field] = { error: fieldMessage[field] ?? "invalid-field" };
    if (field === "password") errors.password = { error: passwordKey };
  }
  return errors;
}

async function signInWith(provider: "customer" | "staff", formData: FormData, fallback: string): Promise<AuthFormState> {
  const values = submittedValues(formData);
  const parsed = signInInput.safeParse({ email: formData.get("email") ?? "", password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues, "auth.error.passwordRequired"), values };
  try {
    await signIn(provider, { ...parsed.data, redirectTo: safeReturnPath(formData.get("callbackUrl"), fallback) });
    return {};
  } catch (error) {
    // A successful sign-in throws Next's redirect; let it through.
    unstable_rethrow(error);
    if (error instanceof AuthError) {
      const code = "code" in error && typeof error.code === "string" && error.code !== "credentials" ? error.code : "invalid-credentials";
      const throttled = /^throttled:(\d+)$/.exec(code);
      if (throttled) return { error: "throttled", params: { minutes: Number(throttled[1]) }, values };
      return { error: code, values };
    }
    throw error;
  }
}

export async function signInCustomerAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  return signInWith("customer", formData, "/");
}

export async function signInStaffAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  return signInWith("staff", formData, "/staff");
}

export async function signUpAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const raw = { email: formData.get("email"), password: formData.get("password"), company: formData.get("company") };
  // A refused sign-up keeps the email and company typed; the password is typed again (issue 19 item 4).
  const values = submittedValues(formData);
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), values };
  try {
    await signUp({ ctx: { db: await getDb(), actor: { type: "anonymous" }, now: now() }, input: parsed.data });
  } catch (error) {
    // A taken email is that field's fault: said beside it.
    if (error instanceof ServiceError) return error.field ? { fieldErrors: { [error.field]: { error: error.code, params: error.params } }, values } : { error: error.code, params: error.params, values };
    throw error;
  }
  return signInWith("customer", formData, "/");
}
