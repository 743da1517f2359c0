import type { Metadata } from "next";
import { MemberForm } from "@/components/members/member-form";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { mayRun, memberRoles } from "@/lib/identity/roles";
import { keysCreatedBy, listMembers, listOpenInvitations } from "@/lib/members/members";
import { changeRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction, transferOwnershipAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("members.title") };
}

/** Team members (issue 21): everyone sees who is in the account; an owner invites, changes roles, removes and transfers. */
export default async function MembersPage() {
  const customer = await requireCustomer("/members");
  const ctx = await customerContext(customer);
  const [members, invitations, { t, locale }] = await Promise.all([listMembers({ ctx }), listOpenInvitations({ ctx }), getTranslator()]);
  // The page shows what the role may do (docs/roles.md); the server refuses the rest anyway.
  const manage = !customer.supportView && mayRun(customer.memberRole, "members#inviteMemberAction");
  const others = members.filter((member) => member.userId !== customer.userId);
  const keys = new Map(manage ? await Promise.all(others.map(async (m) => [m.userId, await keysCreatedBy({ ctx, input: { userId: m.userId } })] as const)) : []);
  const roleOptions = memberRoles.map((role) => (
    <option key={role} value={role}>
      {t(`members.role.${role}`)}
    </option>
  ));
  return (
    <>
      <PageHeader title={t("members.title")} description={t("members.subtitle")} />
      <div className="space-y-6">
        <p className="text-sm text-muted" data-testid="my-role">
          {t("members.yourRole", { role: t(`members.role.${customer.memberRole}`) })} — {t(`members.roleHelp.${customer.memberRole}`)}
        </p>
        <Card title={t("members.list.title")}>
          <Table label={t("members.list.title")}>
            <thead>
              <tr>
                <Th>{t("members.col.name")}</Th>
                <Th>{t("members.col.email")}</Th>
                <Th>{t("members.col.role")}</Th>
                <Th>{t("members.col.joined")}</Th>
                {manage ? <Th>{t("members.col.actions")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const memberKeys = keys.get(member.userId) ?? [];
                return (
                  <tr key={member.userId} data-testid="member-row">
                    <Td className="font-medium">
                      {member.name}
                      {/* A real space, so the name and the mark read (and copy) apart: "Demo Retail Co., Ltd. (you)". */}
                      {member.userId === customer.userId ? <> <span className="text-muted">{t("members.you")}</span></> : null}
                    </Td>
                    <Td className="break-all sm:break-normal sm:whitespace-nowrap">{member.email}</Td>
                    <Td>
                      <Badge tone={member.role === "owner" ? "blue" : "neutral"}>{t(`members.role.${member.role}`)}</Badge>
                    </Td>
                    <Td className="whitespace-nowrap">{formatDateTime(locale, member.joinedAt)}</Td>
                    {manage ? (
                      <Td className="min-w-64 space-y-3">
                        {member.userId === customer.userId ? (
                          // An owner's own role changes only through a transfer: demoting or removing yourself here could leave no owner.
                          <p className="text-sm text-muted" data-testid="own-row-note">
                            {t("members.ownRow")}
                          </p>
                        ) : (
                          <MemberForm action={changeRoleAction} submit={t("members.changeRole.submit")} variant="secondary">
                            <input type="hidden" name="userId" value={member.userId} />
                            <SelectField id={`role-${member.userId}`} name="role" label={t("members.changeRole.label", { name: member.name })} defaultValue={member.role}>
                              {roleOptions}
                            </SelectField>
                          </MemberForm>
                        )}
                        {member.userId === customer.userId ? null : (
                          <details>
                            <summary className="cursor-pointer text-sm font-medium text-red-700">{t("members.remove.open")}</summary>
                            <div className="mt-2 space-y-2 rounded-md border border-line p-3">
                              <p className="text-sm font-medium">{t("members.remove.title", { name: member.name })}</p>
                              <MemberForm action={removeMemberAction} submit={t("members.remove.submit")} variant="danger" testId="remove-member">
                                <input type="hidden" name="userId" value={member.userId} />
                                {memberKeys.length === 0 ? (
                                  <p className="text-sm text-muted">{t("members.remove.noKeys", { name: member.name })}</p>
                                ) : (
                                  <fieldset className="space-y-1 text-sm">
                                    <legend className="font-medium">{t("members.remove.keys", { name: member.name })}</legend>
                                    <ul className="list-disc pl-5" data-testid="member-keys">
                                      {memberKeys.map((key) => (
                                        <li key={key.id}>
                                          {key.name} <span className="font-mono text-xs">{key.displayPrefix}…</span>
                                        </li>
                                      ))}
                                    </ul>
                                    <label className="flex items-center gap-2">
                                      <input type="radio" name="keys" value="revoke" defaultChecked /> {t("members.remove.revokeKeys")}
                                    </label>
                                    <label className="flex items-center gap-2">
                                      <input type="radio" name="keys" value="keep" /> {t("members.remove.keepKeys")}
                                    </label>
                                  </fieldset>
                                )}
                              </MemberForm>
                            </div>
                          </details>
                        )}
                      </Td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {manage ? null : <p className="mt-3 text-sm text-muted">{t("members.ownerOnly")}</p>}
        </Card>
        {manage ? (
          <Card title={t("members.invite.title")}>
            <MemberForm action={inviteMemberAction} submit={t("members.invite.submit")} testId="invite-form">
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label={t("members.invite.email")} name="email" type="email" autoComplete="off" required maxLength={254} />
                <SelectField id="invite-role" name="role" label={t("members.invite.role")} defaultValue="developer">
                  {roleOptions}
                </SelectField>
              </div>
            </MemberForm>
          </Card>
        ) : null}
        <Card title={t("members.invitations.title")}>
          {invitations.length === 0 ? (
            <EmptyState>{t("members.invitations.empty")}</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm" data-testid="invitation-row">
                  <div>
                    <p className="font-medium break-all">{invitation.email}</p>
                    <p className="text-muted">
                      {t(`members.role.${invitation.role}`)} · {t("members.invitations.by", { name: invitation.invitedBy })} ·{" "}
                      {t("members.invitations.expires", { date: formatDateTime(locale, invitation.expiresAt) })}
                    </p>
                  </div>
                  {manage ? (
                    <MemberForm action={revokeInvitationAction} submit={t("members.invitations.revoke")} variant="secondary">
                      <input type="hidden" name="invitationId" value={invitation.id} />
                    </MemberForm>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {manage ? (
          <Card title={t("members.transfer.title")}>
            {others.length === 0 ? (
              <p className="text-sm text-muted">{t("members.transfer.none")}</p>
            ) : (
              <MemberForm action={transferOwnershipAction} submit={t("members.transfer.submit")} variant="secondary">
                <div className="grid gap-3 sm:grid-cols-2">
                  <SelectField id="transfer-to" name="userId" label={t("members.transfer.to")}>
                    {others.map((member) => (
                      <option key={member.userId} value={member.userId}>
                        {member.name} ({member.email})
                      </option>
                    ))}
                  </SelectField>
                  <SelectField id="transfer-my-role" name="myRole" label={t("members.transfer.myRole")} defaultValue="finance">
                    {roleOptions}
                  </SelectField>
                </div>
              </MemberForm>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
