import Link from "@/components/ui/app-link";
import { apiLabel, itemName } from "@/lib/i18n/names";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { formatYuan, PRODUCT_IDS } from "@/lib/pricing";
import { REFUNDS_BEFORE_REVIEW, REVIEW_WINDOW_DAYS } from "@/lib/refunds/preview";
import type { QueueDetail, QueueItem, WorkQueue } from "@/lib/support/work-queue";

function age(t: Translate, since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  if (hours < 1) return t("staff.queue.ageMinutes", { minutes });
  return hours >= 48 ? t("staff.queue.ageDays", { days: Math.floor(hours / 24) }) : t("staff.queue.ageHours", { hours });
}

/** What the item is and why it waits, in words (issue 19 item 5): never only the account's name. */
function what(t: Translate, detail: QueueDetail): { title: string; why: string | null } {
  switch (detail.kind) {
    case "refund":
      return {
        title: t("staff.queue.refund.what", { amount: formatYuan(detail.amount), pack: detail.pack ? itemName(t, detail.pack) : apiLabel(t, detail.api) }),
        why: t("staff.queue.refund.why", { count: detail.recentRefunds ?? REFUNDS_BEFORE_REVIEW, limit: REFUNDS_BEFORE_REVIEW, days: REVIEW_WINDOW_DAYS }),
      };
    case "qps": {
      const group = (PRODUCT_IDS as readonly string[]).includes(detail.group) ? t(`product.${detail.group}` as MessageKey) : detail.group;
      return { title: t("staff.queue.qps.what", { qps: detail.totalQps ?? 0, group }), why: detail.note ? t("staff.queue.note", { note: detail.note }) : null };
    }
    case "licence":
      return { title: t("staff.queue.licence.what", { package: detail.packageName }), why: detail.years ? t("staff.queue.licence.years", { years: detail.years }) : null };
  }
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
        <ul className="mt-2 divide-y divide-line text-sm">
          {items.map((item) => {
            const { title: itemTitle, why } = what(t, item.detail);
            return (
              <li key={item.id} className="space-y-0.5 py-2" data-testid="queue-item">
                <div className="flex flex-wrap justify-between gap-2">
                  <Link href={`/staff/accounts/${item.accountId}`} className="text-brand-700 underline">
                    {item.accountName}
                  </Link>
                  <span className="text-muted">{t("staff.queue.age", { age: age(t, item.since, now) })}</span>
                </div>
                <p className="break-words">{itemTitle}</p>
                {why ? <p className="break-words text-xs text-muted">{why}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The staff home's work queue: counts, what each item asks for, why it waits and for how long. */
export function WorkQueueView({ t, queue, now }: { t: Translate; queue: WorkQueue; now: Date }) {
  return (
    <div className="mb-6 grid gap-4 md:grid-cols-3" data-testid="work-queue">
      <Column t={t} title="staff.queue.refunds" items={queue.refunds} now={now} />
      <Column t={t} title="staff.queue.qps" items={queue.qps} now={now} />
      <Column t={t} title="staff.queue.licences" items={queue.licences} now={now} />
    </div>
  );
}
