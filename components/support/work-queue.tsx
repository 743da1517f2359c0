import Link from "next/link";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { QueueItem, WorkQueue } from "@/lib/support/work-queue";

function age(t: Translate, since: Date, now: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  return hours >= 48 ? t("staff.queue.ageDays", { days: Math.floor(hours / 24) }) : t("staff.queue.ageHours", { hours });
}

function Column({ t, title, items, now }: { t: Translate; title: MessageKey; items: QueueItem[]; now: Date }) {
  return (
    <section className="rounded-lg border border-line bg-white p-4" aria-label={t(title)}>
      <h2 className="flex items-center justify-between text-sm font-semibold">
        {t(title)} <span className="rounded-full bg-canvas px-2 py-0.5 text-xs tabular">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t("staff.queue.empty")}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap justify-between gap-2">
              <Link href={`/staff/accounts/${item.accountId}`} className="text-brand-700 underline">
                {item.accountName}
              </Link>
              <span className="text-muted">{t("staff.queue.age", { age: age(t, item.since, now) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The staff home's work queue: counts and how long each item has waited. */
export function WorkQueueView({ t, queue, now }: { t: Translate; queue: WorkQueue; now: Date }) {
  return (
    <div className="mb-6 grid gap-4 md:grid-cols-3" data-testid="work-queue">
      <Column t={t} title="staff.queue.refunds" items={queue.refunds} now={now} />
      <Column t={t} title="staff.queue.qps" items={queue.qps} now={now} />
      <Column t={t} title="staff.queue.licences" items={queue.licences} now={now} />
    </div>
  );
}
