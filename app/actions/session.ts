"use server";

import { getDb } from "@/db";
import { auth, signOut } from "@/lib/auth";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/context";
import { endSessions } from "@/lib/identity/session-version";

/**
 * Sign-out ends the session on the server, not only in this browser: the user's session version is
 * bumped, so a copy of the token (another tab, another device, a stolen cookie) stops working too.
 */
export async function signOutAction(formData: FormData): Promise<void> {
  const staff = formData.get("audience") === "staff";
  const user = (await auth())?.user;
  let actor: Actor | null = null;
  if (user?.id && user.role === "customer" && user.accountId) actor = { type: "customer", userId: user.id, accountId: user.accountId };
  if (user?.id && (user.role === "support" || user.role === "admin")) actor = { type: "staff", userId: user.id, role: user.role };
  if (actor) await endSessions({ ctx: { db: await getDb(), actor, now: now() }, reason: "sign-out" });
  await signOut({ redirectTo: staff ? "/staff/sign-in?signedOut=1" : "/sign-in?signedOut=1" });
}
