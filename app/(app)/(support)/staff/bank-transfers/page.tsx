import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { assignBankTransferAction } from "@/app/(app)/(support)/staff/actions";
import { PageHeader } from "@/components/shell/page-header";
import { ToolForm } from "@/components/support/tool-form";
import { Card } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requireStaff, staffContext } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getTranslator } from "@/lib/i18n/server";
import { formatYuan } from "@/lib/pricing";
import { bankTransferQueue } from "@/lib/transfers/queue";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("staff.transfers.title") };
}

const PROBLEMS = ["no-reference", "unknown-reference", "several-references"] as const;
type Problem = (typeof PROBLEMS)[number];
const isProblem = (p: string | null): p is Problem => (PROBLEMS as readonly (string | null)[]).includes(p);

/** Issue 20 item 2: incoming bank statement lines the import could not match, for staff to credit. */
export default async function BankTransfersPage() {
  const staff = await requireStaff();
  const ctx = await staffContext(staff);
  const { t, locale } = await getTranslator();
  const { waiting, assigned } = await bankTransferQueue({ ctx });
  return (
    <>
      <PageHeader title={t("staff.transfers.title")} description={t("staff.transfers.subtitle")} />
      <div className="space-y-6">
        {waiting.length === 0 ? (
          <Card>
            <EmptyState>{t("staff.transfers.empty")}</EmptyState>
          </Card>
        ) : (
          <ul className="grid gap-4 lg:grid-cols-2">
            {waiting.map((line) => (
              <li key={line.id} data-testid="transfer-line" data-bank-transaction={line.bankTransactionId}>
                <Card>
                  <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-muted">{t("staff.transfers.col.date")}</dt>
                    <dd>{line.bookedOn}</dd>
                    <dt className="text-muted">{t("staff.transfers.col.amount")}</dt>
                    <dd className="tabular font-semibold">{formatYuan(line.amount)}</dd>
                    <dt className="text-muted">{t("staff.transfers.col.payer")}</dt>
                    <dd className="break-words">{line.payer || "—"}</dd>
                    <dt className="text-muted">{t("staff.transfers.col.memo")}</dt>
                    <dd className="break-words">{line.reference || "—"}</dd>
                    <dt className="text-muted">{t("staff.transfers.col.problem")}</dt>
                    <dd>{isProblem(line.problem) ? t(`staff.transfers.problem.${line.problem}`) : line.problem}</dd>
                  </dl>
                  <ToolForm
                    idPrefix={`assign-${line.id}`}
                    action={assignBankTransferAction}
                    hidden={{ lineId: line.id }}
                    fields={[
                      { name: "account", label: "staff.transfers.account" },
                      { name: "reason", label: "staff.transfers.reason" },
                    ]}
                    submit="staff.transfers.assign"
                    done="staff.transfers.assigned"
                  />
                </Card>
              </li>
            ))}
          </ul>
        )}
        <Card title={t("staff.transfers.recent")}>
          {assigned.length === 0 ? (
            <EmptyState>{t("staff.transfers.recentEmpty")}</EmptyState>
          ) : (
            <Table label={t("staff.transfers.recent")}>
              <thead>
                <tr>
                  <Th>{t("staff.transfers.col.date")}</Th>
                  <Th className="text-right">{t("staff.transfers.col.amount")}</Th>
                  <Th>{t("staff.transfers.col.payer")}</Th>
                  <Th>{t("staff.transfers.col.account")}</Th>
                  <Th>{t("staff.transfers.col.reason")}</Th>
                </tr>
              </thead>
              <tbody>
                {assigned.map(({ line, accountName }) => (
                  <tr key={line.id}>
                    <Td className="whitespace-nowrap">{line.assignedAt ? formatDateTime(locale, line.assignedAt) : line.bookedOn}</Td>
                    <Td className="text-right tabular">{formatYuan(line.amount)}</Td>
                    <Td>{line.payer}</Td>
                    <Td>
                      <Link href={`/staff/accounts/${line.accountId}`} className="text-brand-700 underline">
                        {accountName}
                      </Link>
                    </Td>
                    <Td>{line.assignReason}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
