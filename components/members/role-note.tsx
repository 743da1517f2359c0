import type { Translate } from "@/lib/i18n/translate";
import type { MemberRole } from "@/lib/identity/roles";

/** Where a form would be, for a member whose role may not use it (docs/roles.md): says why it is absent. */
export function RoleNote({ t, role }: { t: Translate; role: MemberRole }) {
  return (
    <p className="text-sm text-muted" data-testid="role-note">
      {t("roles.readOnlyNote", { role: t(`members.role.${role}`) })}
    </p>
  );
}
