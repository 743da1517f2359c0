"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { signOut } from "@/lib/auth";
import { clearSupportViewCookie } from "@/lib/support/view-cookie";
import { stopSupportView } from "@/lib/support/impersonation";

/** Public (a signed-out click is harmless); ends the session, and a staff member's support view with it. */
export const signOutAction = defineAction({
  name: "session#signOutAction",
  audience: "public",
  writes: false,
  input: z.object({ audience: z.enum(["customer", "staff"]).catch("customer") }),
  from: (formData: FormData) => ({ audience: formData.get("audience") }),
  fail: (): void => undefined,
  run: async ({ input, viewer, ctx }): Promise<void> => {
    if (viewer.kind === "impersonation") {
      await stopSupportView({ ctx: { ...ctx, actor: { type: "staff", userId: viewer.userId, role: viewer.role } }, input: { sessionId: viewer.view.id } });
      await clearSupportViewCookie();
    }
    await signOut({ redirectTo: input.audience === "staff" ? "/staff/sign-in?signedOut=1" : "/sign-in?signedOut=1" });
  },
});
