import type { MessageKey } from "@/lib/i18n/translate";

export interface NavItem {
  href: string;
  label: MessageKey;
  icon: string;
}

export interface NavSection {
  title: MessageKey;
  items: NavItem[];
}

/** The customer console's sections. Only pages that exist are listed; each issue adds its own. */
export const customerNav: NavSection[] = [
  {
    title: "nav.section.account",
    items: [
      { href: "/", label: "nav.overview", icon: "◧" },
      { href: "/messages", label: "nav.messages", icon: "✉" },
      { href: "/security", label: "nav.security", icon: "⛨" },
    ],
  },
  {
    title: "nav.section.resources",
    items: [
      { href: "/services", label: "nav.services", icon: "▦" },
      { href: "/packs", label: "nav.packs", icon: "▤" },
      { href: "/qps", label: "nav.qps", icon: "⇶" },
      { href: "/sdk", label: "nav.sdk", icon: "⌘" },
    ],
  },
  {
    title: "nav.section.usage",
    items: [
      { href: "/usage", label: "nav.usage", icon: "↗" },
      { href: "/free-quota", label: "nav.freeQuota", icon: "◔" },
      { href: "/alerts", label: "nav.alerts", icon: "⚑" },
      { href: "/api-keys", label: "nav.apiKeys", icon: "◈" },
    ],
  },
  {
    title: "nav.section.billing",
    items: [
      { href: "/balance", label: "nav.balance", icon: "¥" },
      { href: "/bills", label: "nav.bills", icon: "▥" },
      { href: "/refunds", label: "nav.refunds", icon: "↺" },
      { href: "/budgets", label: "nav.budgets", icon: "◎" },
    ],
  },
  { title: "nav.section.tools", items: [{ href: "/calculator", label: "nav.calculator", icon: "∑" }] },
];

export const staffNav: NavSection[] = [{ title: "nav.section.account", items: [{ href: "/staff", label: "nav.staff.accounts", icon: "☰" }] }];
