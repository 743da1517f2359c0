/**
 * What the console needs from a payment provider (SPEC §3). The sandbox implements it; WeChat Pay
 * or Alipay would implement the same two calls with their own signatures and order ids.
 */
export interface CheckoutRequest {
  /** Our top-up order id; the provider echoes it in its callback. */
  orderId: string;
  /** 元, two decimals, as a string. */
  amount: string;
  description: string;
  /** Where the provider sends the customer back after paying. */
  returnUrl: string;
}

export interface CheckoutSession {
  /** The provider's id for the payment; callbacks are idempotent on it. */
  providerOrderId: string;
  /** Where to send the customer's browser to pay. */
  redirectUrl: string;
}

/** A verified payment notification. */
export interface PaymentNotice {
  providerOrderId: string;
  orderId: string;
  amount: string;
  status: "paid";
}

export interface PaymentProvider {
  readonly id: string;
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  /** Checks the callback's signature over its raw body; null when it is not authentic or not well formed. */
  verifyCallback(rawBody: string, headers: Headers): PaymentNotice | null;
}
