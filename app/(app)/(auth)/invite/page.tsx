import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { PasswordForm } from "@/components/auth/password-form";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { ServiceError } from "@/lib/context";
import { getTranslator } from "@/lib/i18n/server";
import { openInvitation, type OpenInvitation } from "@/lib/members/invitations";
import { resolveAuthSecret } from "@/lib/security/secret";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("members.accept.invalid.title") };
}

/** The invitation link (issue 21 item 1): the invitee sets a name and a password and joins. */
export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { t } = await getTranslator();
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const invitation = await openInvitation({ ctx: { db: await getDb(), actor: { type: "anonymous" }, now: now() }, token, secret: resolveAuthSecret() }).then(
    (found): OpenInvitation | null => found,
    (error: unknown) => {
      if (error instanceof ServiceError) return null;
      throw error;
    },
  );
  if (!invitation) {
    return (
      <AuthCard title={t("members.accept.invalid.title")} subtitle={t("members.accept.invalid.body")}>
        <Alert tone="error">{t("errors.invitation-invalid")}</Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={t("members.accept.title", { company: invitation.accountName })}
      subtitle={t("members.accept.subtitle", { role: t(`members.role.${invitation.role}`), email: invitation.email })}
    >
      <PasswordForm
        action={acceptInvitationAction}
        submitLabel="members.accept.submit"
        hidden={{ token }}
        fields={[
          { name: "name", label: "members.accept.name", type: "text", autoComplete: "name" },
          { name: "password", label: "members.accept.password", type: "password", autoComplete: "new-password", hint: "auth.field.passwordHint" },
        ]}
      />
    </AuthCard>
  );
}
