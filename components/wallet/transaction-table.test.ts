import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TransactionTable } from "@/components/wallet/transaction-table";
import { translatorFor } from "@/lib/i18n/translate";
import type { MemberRole } from "@/lib/identity/roles";
import type { TransactionView } from "@/lib/wallet/balance";

const at = new Date("2026-11-22T02:00:00Z");
const purchase: TransactionView = {
  id: "tx-1",
  kind: "purchase",
  documentType: "purchase",
  documentId: "0b9f0f7e-1111-4222-8333-444455556666",
  memo: null,
  at,
  changes: { cash: "-10.00" },
  balanceChange: "-10.00",
  actor: { userId: "u-fin", name: "Fiona Finance" },
};

function render(role: MemberRole, viewerId?: string): string {
  return renderToStaticMarkup(createElement(TransactionTable, { t: translatorFor("en"), locale: "en", transactions: [purchase], role, viewerId }));
}

// Issue 21: the list names who acted ("You" for the viewer), and a receipt link is offered only to a
// role that may open checkout (a developer or a read-only member would land on a 404).
describe("transaction table by role", () => {
  it("names the member who acted, and the viewer as You", () => {
    expect(render("owner", "u-owner")).toContain("Fiona Finance");
    expect(render("finance", "u-fin")).toContain(">You<");
  });

  it("links the purchase receipt for owner and finance only", () => {
    for (const role of ["owner", "finance"] as const) expect(render(role)).toContain('href="/checkout/done/');
    for (const role of ["developer", "read-only"] as const) {
      const html = render(role);
      expect(html).not.toContain("/checkout/done/");
      expect(html).toContain("Order 0b9f0f7e");
    }
  });
});

// Screenshot review: the always-empty Gift and Voucher columns took the description's width at 1440 px.
describe("transaction table columns", () => {
  const headings = (transactions: TransactionView[]) => {
    const html = renderToStaticMarkup(createElement(TransactionTable, { t: translatorFor("en"), locale: "en", transactions }));
    return [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((match) => match[1]);
  };

  it("shows cash and income always, gift and voucher only when a movement touched them", () => {
    expect(headings([purchase])).toEqual(["Time", "Type", "Source document", "By", "Cash", "Income"]);
    expect(headings([purchase, { ...purchase, id: "tx-2", changes: { gift: "5.00", voucher: "-3.00" } }]).slice(4)).toEqual(["Cash", "Income", "Gift", "Voucher"]);
  });

  it("marks an empty balance cell, so a phone's card leaves it out", () => {
    const html = renderToStaticMarkup(createElement(TransactionTable, { t: translatorFor("en"), locale: "en", transactions: [purchase] }));
    expect(html.match(/data-empty/g)).toHaveLength(1);
  });
});

// A movement names its document as the customer knows it: the order number Orders shows, the pack a refund gave back.
describe("transaction documents by name", () => {
  const html = (tx: TransactionView) => renderToStaticMarkup(createElement(TransactionTable, { t: translatorFor("en"), locale: "en", transactions: [tx] }));

  it("a purchase and a top-up by their order numbers", () => {
    expect(html({ ...purchase, orderNumber: "PO-20261122-0B9F0F7E" })).toContain("Order PO-20261122-0B9F0F7E");
    const topUp = html({ ...purchase, kind: "top-up", documentType: "top-up", orderNumber: "TU-20261122-0B9F0F7E", changes: { cash: "50.00" } });
    expect(topUp).toContain("Top-up order TU-20261122-0B9F0F7E");
    expect(topUp).toContain(`href="/orders/${purchase.documentId}"`);
  });

  it("a refund by the pack it gave back, said once in its tooltip", () => {
    const refund = html({ ...purchase, kind: "refund", documentType: "refund", memo: { pack: "scan.code-recognition:1k" }, changes: { cash: "100.00" } });
    expect(refund).toContain("Refund of QR and barcode recognition pack · 1,000 calls");
    expect(refund).not.toContain("0b9f0f7e");
    expect(refund.match(/QR and barcode recognition pack/g)).toHaveLength(2); // the cell and its title
  });
});
