import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { AccountTable } from "@/components/support/account-table";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { requireStaff, staffContext } from "@/lib/auth/session";
import { searchAccounts } from "@/lib/identity/account-search";
import { WorkQueueView } from "@/components/support/work-queue";
import { workQueue } from "@/lib/support/work-queue";
import { HeldPaymentNotices } from "@/components/support/held-payment-notices";
import { heldPaymentNotices } from "@/lib/support/payment-notices";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("staff.home.title") };
}

export default async function StaffHomePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const staff = await requireStaff();
  const query = ((await searchParams).q ?? "").slice(0, 200);
  const ctx = await staffContext(staff);
  const [rows, queue, held] = await Promise.all([searchAccounts({ ctx, input: { query } }), workQueue({ ctx }), heldPaymentNotices({ ctx })]);
  const { t, locale } = await getTranslator();
  return (
    <>
      <PageHeader title={t("staff.home.title")} description={t("staff.home.subtitle")} />
      <h2 className="mb-2 text-sm font-semibold">{t("staff.queue.title")}</h2>
      <WorkQueueView t={t} queue={queue} now={ctx.now} />
      <HeldPaymentNotices t={t} locale={locale} notices={held} />
      <form role="search" className="mb-4 flex max-w-xl gap-2">
        <input name="q" defaultValue={query} aria-label={t("staff.search.placeholder")} placeholder={t("staff.search.placeholder")} className={inputClass} />
        <Button type="submit">{t("staff.search.submit")}</Button>
      </form>
      <AccountTable t={t} locale={locale} rows={rows} emptyText={query ? t("staff.empty") : t("staff.emptyAll")} />
    </>
  );
}
