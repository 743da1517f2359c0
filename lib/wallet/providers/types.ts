/**
 * What the console needs from a payment provider (SPEC §3, issue 20). The sandbox and Alipay
 * implement it; WeChat Pay (Native QR) would implement the same calls (docs/payments.md).
 */
export interface CheckoutRequest {
  /** Our top-up order id; the provider echoes it in its notice. */
  orderId: string;
  /** 元, two decimals, as a string. */
  amount: string;
  description: string;
  /** Where the provider sends the customer back after paying (a path on our origin). */
  returnUrl: string;
  /** A phone gets the provider's mobile page (Alipay wap pay), a desktop its website page. */
  device: "desktop" | "phone";
  /** The order closes unpaid at this instant; a provider that can, refuses payment after it. */
  expiresAt: Date | null;
}

export interface CheckoutSession {
  /** Our order as the provider knows it (Alipay `out_trade_no`); notices are idempotent on it. */
  providerOrderId: string;
  /** Where to send the customer's browser to pay. */
  redirectUrl: string;
  /** Which of the provider's pages it is (`page`, `wap`; a QR provider: `native`). */
  channel: string | null;
  /**
   * For a QR provider (WeChat Pay Native, docs/payments.md): the text to show as a QR code on the
   * order's page, which `redirectUrl` then names. Unset for Alipay and the sandbox.
   */
  qrCode?: string;
}

/** A verified "paid" notification (the sandbox's, and what a provider notice reduces to once checked). */
export interface PaymentNotice {
  providerOrderId: string;
  orderId: string;
  amount: string;
  status: "paid";
}

/**
 * An authentic notification from a provider that notifies about every state (Alipay): the
 * signature is verified; everything else is still to be checked against our order.
 */
export interface ProviderNotice {
  providerOrderId: string;
  providerTradeNo: string | null;
  /** The notice names our merchant app (Alipay `app_id`). */
  ourApp: boolean;
  /** As stated, unparsed. */
  amount: string;
  tradeStatus: string;
  /** The trade is paid (Alipay: TRADE_SUCCESS or TRADE_FINISHED). */
  paid: boolean;
  /** The trade is closed unpaid at the provider. */
  closed: boolean;
  fields: Record<string, string>;
}

/** The provider's view of a trade, asked for by the return page; never a reason to credit. */
export type TradeState = { state: "not-found" } | { state: "waiting" } | { state: "paid"; amount: string } | { state: "closed" };

export interface PaymentProvider {
  readonly id: string;
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  /** The sandbox's signed callback: null when it is not authentic or not well formed. */
  verifyCallback?(rawBody: string, headers: Headers): PaymentNotice | null;
  /** A provider's asynchronous notice: null when the signature does not verify. */
  readNotice?(rawBody: string, headers: Headers): ProviderNotice | null;
  /** What the provider says about our order now. */
  queryTrade?(providerOrderId: string): Promise<TradeState>;
  /** Closes an unpaid trade at the provider so it can no longer be paid. */
  closeTrade?(providerOrderId: string): Promise<void>;
}
