"use server";

import { redirect } from "next/navigation";
import type { PasswordFormState } from "@/components/auth/password-form";
import { defineAction } from "@/lib/actions/define";
import { acceptInput, acceptInvitation } from "@/lib/members/invitations";
import { resolveAuthSecret } from "@/lib/security/secret";

/** Public: the signed, single-use invitation link is the credential; the invitee then signs in. */
export const acceptInvitationAction = defineAction({
  name: "invite#acceptInvitationAction",
  audience: "public",
  writes: true,
  input: acceptInput,
  from: (_prev: PasswordFormState, formData: FormData) => ({ token: formData.get("token"), name: formData.get("name"), password: formData.get("password") }),
  invalid: (field) => ({ error: field === "password" ? "auth.error.password" : field === "name" ? "invalid-field" : "invitation-invalid", field }),
  fail: ({ error, field }): PasswordFormState =>
    field === "password" ? { fieldErrors: { password: { error: "auth.error.password" } } } : field === "name" ? { fieldErrors: { name: { error: "invalid-field" } } } : { error },
  run: async ({ ctx, input }): Promise<PasswordFormState> => {
    await acceptInvitation({ ctx, input, secret: resolveAuthSecret() });
    redirect("/sign-in?joined=1");
  },
});
