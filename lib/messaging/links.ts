import type { MessageKey } from "@/lib/i18n/translate";
import type { MessageKind } from "./kinds";

/** Where a message sends its reader to act on it (issue 13: every spend alert links to its page). */
const LINKS: Partial<Record<MessageKind, { href: string; label: MessageKey }>> = {
  "balance-low": { href: "/balance", label: "messages.link.balance" },
  "budget-actual": { href: "/budgets", label: "messages.link.budgets" },
  "budget-forecast": { href: "/budgets", label: "messages.link.budgets" },
};

export function messageLink(kind: MessageKind): { href: string; label: MessageKey } | null {
  return LINKS[kind] ?? null;
}
