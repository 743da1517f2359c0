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
import type { MessageKey } from "@/lib/i18n/translate";

const fieldMessage: Record<string, MessageKey> = {
  email: "auth.error.email",
  password: "auth.error.password",
  company: "auth.error.company",
};

function fieldErrorsOf(issues: { path: PropertyKey[] }[], passwordKey: MessageKey = "auth.error.password"): AuthFormState["fieldErrors"] {
  const errors: AuthFormState["fieldErrors"] = {};
  for (const issue of issues) {
    const field = String(issue.path[0]);
    if (field === "email" || field === "company") errors[field] = fieldMessage[field];
    if (field === "password") errors.password = passwordKey;
  }
  return errors;
}

async function signInWith(provider: "customer" | "staff", formData: FormData, fallback: string): Promise<AuthFormState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInInput.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues, "auth.error.passwordRequired"), email };
  try {
    await signIn(provider, { ...parsed.data, redirectTo: safeReturnPath(formData.get("callbackUrl"), fallback) });
    return {};
  } catch (error) {
    // A successful sign-in throws Next's redirect; let it through.
    unstable_rethrow(error);
    if (error instanceof AuthError) {
      const code = "code" in error && typeof error.code === "string" && error.code !== "credentials" ? error.code : "invalid-credentials";
      const throttled = /^throttled:(\d+)$/.exec(code);
      if (throttled) return { error: "throttled", params: { minutes: Number(throttled[1]) }, email };
      return { error: code, email };
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
  const email = String(raw.email ?? "");
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), email };
  try {
    await signUp({ ctx: { db: await getDb(), actor: { type: "anonymous" }, now: now() }, input: parsed.data });
  } catch (error) {
    if (error instanceof ServiceError) return { error: error.code, email };
    throw error;
  }
  return signInWith("customer", formData, "/");
}
