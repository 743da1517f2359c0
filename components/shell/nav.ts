import type { MessageKey } from "@/lib/i18n/translate";
import { mayOpen, type MemberRole } from "@/lib/identity/roles";
import type { ReactNode } from "react";
import type { NavIconName } from "./icons";

export interface NavItem {
  href: string;
  label: MessageKey;
  /** An inline SVG (icons.tsx): glyphs like "⛨" are missing from common fonts. */
  icon: NavIconName;
}

export interface NavSection {
  title: MessageKey;
  items: NavItem[];
}

/**
 * A section as the (client) navigation receives it: each icon already rendered on the server
 * (AppShell), so the icons' SVG data is markup, not JavaScript in every page's bundle.
 */
export interface RenderedNavSection {
  title: MessageKey;
  items: (Omit<NavItem, "icon"> & { icon: ReactNode })[];
}

/** The customer console's sections. Only pages that exist are listed; each issue adds its own. */
export const customerNav: NavSection[] = [
  {
    title: "nav.section.account",
    items: [
      { href: "/", label: "nav.overview", icon: "overview" },
      { href: "/messages", label: "nav.messages", icon: "messages" },
      { href: "/members", label: "nav.members", icon: "accounts" },
      { href: "/security", label: "nav.security", icon: "shield" },
    ],
  },
  {
    title: "nav.section.resources",
    items: [
      { href: "/services", label: "nav.services", icon: "services" },
      { href: "/packs", label: "nav.packs", icon: "packs" },
      { href: "/qps", label: "nav.qps", icon: "qps" },
      { href: "/sdk", label: "nav.sdk", icon: "sdk" },
    ],
  },
  {
    title: "nav.section.usage",
    items: [
      { href: "/usage", label: "nav.usage", icon: "usage" },
      { href: "/free-quota", label: "nav.freeQuota", icon: "freeQuota" },
      { href: "/alerts", label: "nav.alerts", icon: "alerts" },
      { href: "/api-keys", label: "nav.apiKeys", icon: "key" },
    ],
  },
  {
    title: "nav.section.billing",
    items: [
      { href: "/balance", label: "nav.balance", icon: "balance" },
      { href: "/orders", label: "nav.orders", icon: "orders" },
      { href: "/bills", label: "nav.bills", icon: "bills" },
      { href: "/refunds", label: "nav.refunds", icon: "refunds" },
      { href: "/invoices", label: "nav.invoices", icon: "invoice" },
      { href: "/budgets", label: "nav.budgets", icon: "budgets" },
    ],
  },
  { title: "nav.section.tools", items: [{ href: "/calculator", label: "nav.calculator", icon: "calculator" }] },
];

/** The console's sections as a member of `role` sees them: only pages the role may open (docs/roles.md). */
export function customerNavFor(role: MemberRole): NavSection[] {
  return customerNav
    .map((section) => ({ ...section, items: section.items.filter((item) => item.href === "/calculator" || mayOpen(role, item.href)) }))
    .filter((section) => section.items.length > 0);
}

export const staffNav: NavSection[] = [
  {
    title: "nav.section.support",
    items: [
      { href: "/staff", label: "nav.staff.accounts", icon: "accounts" },
      { href: "/staff/bank-transfers", label: "nav.staff.bankTransfers", icon: "transfer" },
      { href: "/staff/invoices", label: "nav.staff.invoices", icon: "invoice" },
    ],
  },
];
