/** Invoices (发票, issue 20 item 4): titles, the invoiceable amount, requests, the staff queue. */
export const invoices = {
  "messages.kind.invoice-issued.title": "Invoice issued: {amount}",
  "messages.kind.invoice-issued.body": "Invoice {number} for {amount} was issued and sent to {email}. Download it on the Invoices page.",
  "messages.kind.invoice-rejected.title": "Invoice request declined: {amount}",
  "messages.kind.invoice-rejected.body": "Your invoice request for {amount} was declined: {reason}",
  "messages.kind.invoice-reversed.title": "Invoice reversed: {number}",
  "messages.kind.invoice-reversed.body": "Invoice {number} ({amount}) was reversed by red-letter invoice {red}. The amount can be invoiced again, and refunds of its orders can go ahead.",
} as const;
