"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { signOut } from "@/lib/auth";
import type { Actor } from "@/lib/context";
import { actorOf } from "@/lib/context/actor";
import { endSessions } from "@/lib/identity/session-version";
import { clearSupportViewCookie } from "@/lib/support/view-cookie";
import { stopSupportView } from "@/lib/support/impersonation";

/**
 * Public (a signed-out click is harmless). Sign-out ends the session on the server, not only in this
 * browser: the user's session version is bumped, so a copy of the token (another tab, another
 * device, a stolen cookie) stops working too; a staff member's support view ends with it.
 */
export const signOutAction = defineAction({
  name: "session#signOutAction",
  audience: "public",
  writes: true,
  allowedWhileViewing: true,
  input: z.object({ audience: z.enum(["customer", "staff"]).catch("customer") }),
  from: (formData: FormData) => ({ audience: formData.get("audience") }),
  fail: (): void => undefined,
  run: async ({ input, viewer, ctx }): Promise<void> => {
    // A staff member signs out as themselves, even from inside a support view (which ends with it).
    const actor: Actor | null =
      viewer.kind === "customer" ? actorOf(viewer) : viewer.kind === "anonymous" ? null : actorOf({ kind: "staff", userId: viewer.userId, role: viewer.role });
    if (viewer.kind === "impersonation" && actor) {
      await stopSupportView({ ctx: { ...ctx, actor }, input: { sessionId: viewer.view.id } });
      await clearSupportViewCookie();
    }
    if (actor) await endSessions({ ctx: { ...ctx, actor }, reason: "sign-out" });
    await signOut({ redirectTo: input.audience === "staff" ? "/staff/sign-in?signedOut=1" : "/sign-in?signedOut=1" });
  },
});
