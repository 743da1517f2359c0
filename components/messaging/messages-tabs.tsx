import Link from "@/components/ui/app-link";
import type { Translate } from "@/lib/i18n/translate";

export function MessagesTabs({ t, active }: { t: Translate; active: "inbox" | "subscriptions" }) {
  const tabs = [
    { id: "inbox", href: "/messages", label: t("inbox.tab.inbox") },
    { id: "subscriptions", href: "/messages/subscriptions", label: t("inbox.tab.subscriptions") },
  ] as const;
  return (
    <nav className="mb-5 flex gap-1 border-b border-line">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === active ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab.id === active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-muted hover:text-ink"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
