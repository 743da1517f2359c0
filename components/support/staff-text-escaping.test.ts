import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { MessageList } from "@/components/messaging/message-list";
import { StaffActivityList } from "@/components/support/staff-activity-list";
import { TransactionTable } from "@/components/wallet/transaction-table";
import { translatorFor } from "@/lib/i18n/translate";
import type { InboxMessage } from "@/lib/messaging/inbox";
import type { StaffActivity } from "@/lib/support/access-log";

// The list's read button is a client component with a server action; the messages here are read.
vi.mock("@/components/messaging/mark-read-button", () => ({ MarkReadButton: () => null }));

/**
 * Issue 17 item 8: text staff type (refund reject reasons, QPS decline reasons, violation reasons,
 * credit reasons) reaches customer pages as text, never as markup. The components that show it are
 * rendered as the server renders them, with hostile text. (e2e/staff-tools.spec.ts checks the same
 * in a browser: the text is visible and nothing runs.)
 */
const HOSTILE = `<script>window.__xss=1</script><img src=x onerror="window.__xss=1">`;
const at = new Date("2026-11-22T02:00:00Z");

function expectInert(html: string): void {
  expect(html).not.toContain("<script");
  expect(html).not.toContain("<img");
  expect(html).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;");
}

describe("staff-written text on customer pages is escaped", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    const t = translatorFor(locale);

    it(`messages: refund rejected, QPS declined, account disabled and lifted (${locale})`, () => {
      const message = (id: number, kind: string, params: Record<string, string | number>): InboxMessage => ({ id, accountId: "a", kind, product: null, params, dedupeKey: `k${id}`, createdAt: at, readAt: at });
      const html = renderToStaticMarkup(
        createElement(MessageList, {
          t,
          locale,
          markRead: async () => undefined,
          messages: [
            message(1, "refund-rejected", { pack: "scan.code-recognition:1k", reason: HOSTILE }),
            message(2, "qps-declined", { group: "body", qps: 500, reason: HOSTILE }),
            message(3, "account-disabled", { reason: HOSTILE }),
            message(4, "account-enabled", { reason: HOSTILE }),
          ],
        }),
      );
      expectInert(html);
      expect(html.split("&lt;script&gt;").length - 1).toBe(4);
    });

    it(`the balance page's transactions: a credit's reason (${locale})`, () => {
      const html = renderToStaticMarkup(
        createElement(TransactionTable, { t, locale, transactions: [{ id: "tx-1", kind: "credit", documentType: "credit", documentId: "c-1", memo: { reason: HOSTILE, to: "gift" }, at, changes: { gift: "10.00" }, balanceChange: "10.00" }] }),
      );
      expectInert(html);
    });

    it(`the access log's staff activity: every reason (${locale})`, () => {
      const item = (id: number, action: string, details: Record<string, string> = {}): StaffActivity => ({ id, at, action, staffName: HOSTILE, reason: HOSTILE, details });
      const html = renderToStaticMarkup(
        createElement(StaffActivityList, {
          t,
          locale,
          items: [
            item(1, "wallet.credit", { amount: "10.00", to: "gift" }),
            item(2, "refund.review-rejected"),
            item(3, "qps.increase-declined"),
            item(4, "account.disabled"),
            item(5, "licence.quoted", { packageName: HOSTILE, price: "1.00", years: "1" }),
          ],
        }),
      );
      expectInert(html);
    });
  }
});
