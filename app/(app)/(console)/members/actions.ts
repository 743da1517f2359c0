"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { MemberFormState } from "@/components/members/member-form";
import { defineAction } from "@/lib/actions/define";
import { appUrl } from "@/lib/security/app-url";
import { inviteInput, inviteMember, revokeInvitation } from "@/lib/members/invitations";
import { changeMemberRole, changeRoleInput, removeMember, removeMemberInput, transferInput, transferOwnership } from "@/lib/members/members";
import { resolveAuthSecret } from "@/lib/security/secret";

/** Every members action answers a MemberFormState; a refusal names the field zod found at fault. */
const fail = ({ error, params, field }: { error: string; params?: Record<string, string | number>; field?: string }): MemberFormState => ({ error, params, field });

export const inviteMemberAction = defineAction({
  name: "members#inviteMemberAction",
  audience: "customer",
  writes: true,
  input: inviteInput,
  from: (_prev: MemberFormState, formData: FormData) => ({ email: formData.get("email"), role: formData.get("role") }),
  fail,
  run: async ({ ctx, input }): Promise<MemberFormState> => {
    const { link } = await inviteMember({ ctx, input, secret: resolveAuthSecret(), appUrl: appUrl() });
    // The embedded default has no mail server: the link goes to the server log, as password-reset links do.
    if (!process.env.SMTP_URL && !process.env.DATABASE_URL) console.info(`[invitation] SMTP_URL is not set; invitation link for ${input.email}: ${link}`);
    revalidatePath("/members");
    return { done: "members.invite.sent", doneParams: { email: input.email } };
  },
});

export const revokeInvitationAction = defineAction({
  name: "members#revokeInvitationAction",
  audience: "customer",
  writes: true,
  input: z.object({ invitationId: z.uuid({ error: "invitationId is not an invitation" }) }),
  from: (_prev: MemberFormState, formData: FormData) => ({ invitationId: formData.get("invitationId") }),
  invalid: () => ({ error: "invitation-not-found" }),
  fail,
  run: async ({ ctx, input }): Promise<MemberFormState> => {
    await revokeInvitation({ ctx, input });
    revalidatePath("/members");
    return {};
  },
});

export const changeRoleAction = defineAction({
  name: "members#changeRoleAction",
  audience: "customer",
  writes: true,
  input: changeRoleInput,
  from: (_prev: MemberFormState, formData: FormData) => ({ userId: formData.get("userId"), role: formData.get("role") }),
  invalid: (field) => (field === "userId" ? { error: "member-not-found" } : { error: "invalid-field", field }),
  fail,
  run: async ({ ctx, input }): Promise<MemberFormState> => {
    await changeMemberRole({ ctx, input });
    revalidatePath("/members");
    return { done: "members.changeRole.done" };
  },
});

export const removeMemberAction = defineAction({
  name: "members#removeMemberAction",
  audience: "customer",
  writes: true,
  input: removeMemberInput,
  from: (_prev: MemberFormState, formData: FormData) => ({ userId: formData.get("userId"), keys: formData.get("keys") ?? undefined }),
  invalid: (field) => (field === "userId" ? { error: "member-not-found" } : { error: "invalid-field", field }),
  fail,
  run: async ({ ctx, input }): Promise<MemberFormState> => {
    await removeMember({ ctx, input });
    revalidatePath("/members");
    revalidatePath("/api-keys");
    return { done: "members.remove.done" };
  },
});

export const transferOwnershipAction = defineAction({
  name: "members#transferOwnershipAction",
  audience: "customer",
  writes: true,
  input: transferInput,
  from: (_prev: MemberFormState, formData: FormData) => ({ userId: formData.get("userId"), myRole: formData.get("myRole") ?? undefined }),
  invalid: (field) => (field === "userId" ? { error: "member-not-found" } : { error: "invalid-field", field }),
  fail,
  run: async ({ ctx, input }): Promise<MemberFormState> => {
    await transferOwnership({ ctx, input });
    revalidatePath("/members");
    return { done: "members.transfer.done" };
  },
});
