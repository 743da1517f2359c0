import "server-only";
import { getDb } from "@/db";
import { currentSession as auth } from "@/lib/auth/current-session";
import type { MemberRole } from "@/lib/identity/roles";
import { staffMustChangePassword } from "@/lib/identity/staff";
import type { SupportView } from "@/lib/support/impersonation";
import { supportViewOf } from "@/lib/support/view-cookie";

/** Who sent this request, from the signed session (and, for staff, their live support view). Never from input. */
export type Viewer =
  | { kind: "anonymous" }
  /** `memberRole`: what this member may do in the account (lib/identity/roles.ts). */
  | { kind: "customer"; userId: string; accountId: string; email: string; name: string; memberRole: MemberRole }
  /** `mustChangePassword`: still on the one-time password; staff actions are refused until it is changed. */
  | { kind: "staff"; userId: string; role: "support" | "admin"; email: string; mustChangePassword?: boolean }
  /** A staff member viewing a customer's console (SPEC §8): read-only. */
  | { kind: "impersonation"; userId: string; role: "support" | "admin"; email: string; view: SupportView };

export async function currentViewer(): Promise<Viewer> {
  const user = (await auth())?.user;
  if (!user?.id || !user.role) return { kind: "anonymous" };
  if (user.role === "customer") {
    if (!user.accountId) return { kind: "anonymous" };
    return { kind: "customer", userId: user.id, accountId: user.accountId, email: user.email ?? "", name: user.name ?? "", memberRole: user.memberRole ?? "owner" };
  }
  const view = await supportViewOf(user.id);
  if (view) return { kind: "impersonation", userId: user.id, role: user.role, email: user.email ?? "", view };
  return { kind: "staff", userId: user.id, role: user.role, email: user.email ?? "", mustChangePassword: await staffMustChangePassword(await getDb(), user.id) };
}
