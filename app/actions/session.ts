"use server";

import { signOut } from "@/lib/auth";

export async function signOutAction(formData: FormData): Promise<void> {
  const staff = formData.get("audience") === "staff";
  await signOut({ redirectTo: staff ? "/staff/sign-in?signedOut=1" : "/sign-in?signedOut=1" });
}
